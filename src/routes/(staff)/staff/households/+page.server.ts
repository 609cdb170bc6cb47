import { householdFiltersSchema } from '$lib/schemas/household-filters';
import * as households from '$lib/server/db/households';
import * as retention from '$lib/server/db/retention';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = householdFiltersSchema.parse(Object.fromEntries(event.url.searchParams));
	const [list, { months, upcoming }] = await Promise.all([households.list(filters), retention.overview()]);
	return { filters, households: list, retention: { months, upcoming }, imported: event.url.searchParams.get('imported') };
};
