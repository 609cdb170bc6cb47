import { userOf } from '$lib/server/auth/authorize';
import * as calendarFeeds from '$lib/server/db/calendar-feeds';
import * as tasks from '$lib/server/db/tasks';
import { kept } from '$lib/server/kept';
import { links } from '$lib/server/mail/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	// the open tasks (the same for every volunteer) and the volunteer's own, kept 10 s in this
	// instance (kept.ts: a sign-up here shows at once, one on another instance within 10 s)
	const [list, me] = await Promise.all([
		kept('tasks:open', 10_000, tasks.open),
		kept(`volunteer:${user.id}`, 10_000, () => tasks.me(user.id))
	]);
	// tasks that fit the profile first: where they help, in a language they speak, with their skills
	const fit = (t: (typeof list)[number]) =>
		(me.localities.includes(t.locality) ? 2 : 0) +
		(t.needed_languages.some((l) => me.languages.includes(l)) ? 2 : 0) +
		(t.needed_skills.length > 0 && t.needed_skills.every((s) => me.skills.includes(s)) ? 1 : 0);
	return {
		verified: user.emailVerified,
		feedMadeAt: me.feedMadeAt,
		mine: me.mine.filter((s) => s.task).map((s) => ({ ...s.task!, signup: s.status })),
		tasks: list
			.map((t) => ({ ...t, fits: fit(t) > 0, placesLeft: Math.max(0, t.volunteers_needed - t.taken) }))
			.sort((a, b) => fit(b) - fit(a) || a.starts_at.localeCompare(b.starts_at))
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
