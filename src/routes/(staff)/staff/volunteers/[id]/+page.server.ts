import { error } from '@sveltejs/kit';
import { authorizeLoad } from '$lib/server/auth/authorize';
import * as volunteerList from '$lib/server/db/volunteer-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	authorizeLoad(event);
	const volunteer = await volunteerList.history(event.params.id);
	if (!volunteer) error(404);
	const now = new Date().toISOString();
	const done = volunteer.tasks.filter((t) => t.signup === 'confirmed' && t.status !== 'cancelled' && t.ends_at < now && !t.noShow);
	return {
		volunteer,
		upcoming: volunteer.tasks.filter((t) => t.ends_at >= now).reverse(),
		past: volunteer.tasks.filter((t) => t.ends_at < now),
		hours: {
			reported: done.reduce((sum, t) => sum + Number(t.hours ?? 0), 0),
			approved: done.filter((t) => t.hoursApproved).reduce((sum, t) => sum + Number(t.hours ?? 0), 0),
			noShows: volunteer.tasks.filter((t) => t.noShow).length
		}
	};
};
