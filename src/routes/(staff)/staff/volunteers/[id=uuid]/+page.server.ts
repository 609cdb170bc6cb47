import { error } from '@sveltejs/kit';
import { userOf } from '$lib/server/auth/authorize';
import * as audit from '$lib/server/db/audit';
import * as volunteerList from '$lib/server/db/volunteer-list';
import type { PageServerLoad } from './$types';

// one volunteer's history: contact details live here, not on the list, and every read is logged
export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	const volunteer = await volunteerList.history(event.params.id);
	if (!volunteer) error(404);
	await audit.logRead(staff.id, 'volunteer_profile', volunteer.id);
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
