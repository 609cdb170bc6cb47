import { householdFiltersSchema } from '$lib/schemas/household-filters';
import { queryOf } from '$lib/schemas/list';
import { userOf } from '$lib/server/auth/authorize';
import * as households from '$lib/server/db/households';
import * as retention from '$lib/server/db/retention';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const me = userOf(event);
	const filters = householdFiltersSchema.parse(queryOf(event.url));
	// "mine" is the one reading: the link stays the same for every caseworker
	const caseworker = filters.caseworker === 'mine' ? me.id : filters.caseworker;
	const [page, { months, upcoming }] = await Promise.all([households.list({ ...filters, caseworker }), retention.overview()]);
	return {
		filters,
		me: me.id,
		households: page.rows,
		total: page.total,
		caseworkers: page.caseworkers,
		retention: { months, upcoming },
		imported: event.url.searchParams.get('imported')
	};
};
