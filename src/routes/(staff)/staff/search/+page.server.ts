import { queryOf } from '$lib/schemas/list';
import { searchSchema } from '$lib/schemas/search';
import { userOf } from '$lib/server/auth/authorize';
import * as search from '$lib/server/db/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	const { q } = searchSchema.parse(queryOf(event.url));
	return { q, hits: q.length >= 2 ? await search.staff(q, staff.id, 20) : null };
};
