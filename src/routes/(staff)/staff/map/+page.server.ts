import { mapFiltersSchema } from '$lib/schemas/map-filters';
import { queryOf } from '$lib/schemas/list';
import { config } from '$lib/server/config';
import * as map from '$lib/server/db/map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const filters = mapFiltersSchema.parse(queryOf(url));
	return {
		filters,
		statuses: map.STATUSES,
		table: await map.table(map.statusesFor(filters.status), filters),
		// the base map (a style URL; none: the data on a plain background)
		styleUrl: config().MAP_STYLE_URL ?? null
	};
};
