import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeLoad } from '$lib/server/auth/authorize';
import * as audit from '$lib/server/db/audit';
import * as volunteerList from '$lib/server/db/volunteer-list';
import type { PageServerLoad } from './$types';

// one volunteer's profile: contact details live here, not on the list, and every read is logged
export const load: PageServerLoad = async (event) => {
	const staff = authorizeLoad(event)!;
	if (!z.guid().safeParse(event.params.id).success) error(404);
	const volunteer = await volunteerList.one(event.params.id);
	if (!volunteer) error(404);
	await audit.logRead(staff.id, 'volunteer_profile', volunteer.id);
	return { volunteer };
};
