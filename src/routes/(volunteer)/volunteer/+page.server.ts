import { authorizeLoad } from '$lib/server/auth/authorize';
import * as tasks from '$lib/server/db/tasks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = authorizeLoad(event)!;
	const [list, me] = await Promise.all([tasks.open(), tasks.me(user.id)]);
	// tasks that fit the profile first: where they help, in a language they speak, with their skills
	const fit = (t: (typeof list)[number]) =>
		(me.localities.includes(t.locality) ? 2 : 0) +
		(t.needed_languages.some((l) => me.languages.includes(l)) ? 2 : 0) +
		(t.needed_skills.length > 0 && t.needed_skills.every((s) => me.skills.includes(s)) ? 1 : 0);
	return {
		verified: user.emailVerified,
		mine: me.mine.filter((s) => s.task).map((s) => ({ ...s.task!, signup: s.status })),
		tasks: list
			.map((t) => ({ ...t, fits: fit(t) > 0, placesLeft: Math.max(0, t.volunteers_needed - t.taken) }))
			.sort((a, b) => fit(b) - fit(a) || a.starts_at.localeCompare(b.starts_at))
	};
};
