import { householdFiltersSchema } from '$lib/schemas/household-filters';
import { authorizeLoad } from '$lib/server/auth/authorize';
import * as households from '$lib/server/db/households';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	authorizeLoad(event);
	const filters = householdFiltersSchema.parse(Object.fromEntries(event.url.searchParams));
	return { filters, households: await households.list(filters), imported: event.url.searchParams.get('imported') };
};
