import { config } from '$lib/server/config';
import * as map from '$lib/server/db/map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { chosen, statuses } = map.statusesOf(url);
	return {
		chosen,
		statuses: map.STATUSES,
		table: await map.table(statuses),
		stopsInTable: map.STOPS_IN_TABLE,
		// the base map (a style URL; none: the data on a plain background)
		styleUrl: config().MAP_STYLE_URL ?? null
	};
};
