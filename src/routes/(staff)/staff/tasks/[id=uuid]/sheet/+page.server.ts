// A task's sheet to print: when, where, what, its volunteers and, for a household's task,
// the household's contact (that read is logged).
import { error } from '@sveltejs/kit';
import { userOf } from '$lib/server/auth/authorize';
import * as sheets from '$lib/server/db/sheets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const sheet = await sheets.task(event.params.id, userOf(event).id);
	if (!sheet) error(404);
	return { sheet };
};
