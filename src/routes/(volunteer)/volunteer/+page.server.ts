import { queryOf } from '$lib/schemas/list';
import { volunteerTaskFiltersSchema } from '$lib/schemas/task-filters';
import { userOf } from '$lib/server/auth/authorize';
import * as calendarFeeds from '$lib/server/db/calendar-feeds';
import * as tasks from '$lib/server/db/tasks';
import { kept } from '$lib/server/kept';
import { links } from '$lib/server/mail/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	const filters = volunteerTaskFiltersSchema.parse(queryOf(event.url));
	// soonest first; "fits me" (where they help, in a language they speak, with their skills) is a
	// filter and a mark, so the list is read per volunteer and filter; the volunteer's own is kept
	// 10 s in this instance (kept.ts: a sign-up here shows at once, one on another instance within 10 s)
	const [list, me] = await Promise.all([tasks.open(user.id, filters), kept(`volunteer:${user.id}`, 10_000, () => tasks.me(user.id))]);
	return {
		filters,
		verified: user.emailVerified,
		feedMadeAt: me.feedMadeAt,
		mine: me.mine.filter((s) => s.task).map((s) => ({ ...s.task!, signup: s.status })),
		tasks: list.rows.map((t) => ({ ...t, placesLeft: t.places_left })),
		total: list.total,
		localities: list.localities
	};
};

export const actions: Actions = {
	// a new secret address for the calendar feed, shown this once (only its hash is kept);
	// the old address stops working at once
	calendar: async (event) => {
		const user = userOf(event);
		const token = await calendarFeeds.renew(user.id);
		return { feedUrl: links().calendarFeed(token) };
	},
	calendarStop: async (event) => {
		const user = userOf(event);
		await calendarFeeds.stop(user.id);
		return { feedStopped: true };
	}
};
