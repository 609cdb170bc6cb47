// A household's move-in sheet to print (address, arrival, contact, tasks with their
// volunteers, the landlord's contact): one read, logged like the household's page.
import { error } from '@sveltejs/kit';
import { userOf } from '$lib/server/auth/authorize';
import * as sheets from '$lib/server/db/sheets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const sheet = await sheets.household(event.params.id, userOf(event).id);
	if (!sheet) error(404);
	return { sheet };
};
