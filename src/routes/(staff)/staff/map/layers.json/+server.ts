// The map's layers as GeoJSON, fetched by the map once its script runs (the page itself,
// which works without JavaScript, carries only the table), or by a household's page for its
// suggestions (?dwellings=…). Staff only (policy.ts).
import { json } from '@sveltejs/kit';
import { queryOf } from '$lib/schemas/list';
import { mapFiltersSchema } from '$lib/schemas/map-filters';
import * as map from '$lib/server/db/map';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const { status, dwellings } = mapFiltersSchema.parse(queryOf(url));
	return json(await map.layers(map.statusesFor(status), dwellings), { headers: { 'cache-control': 'private, no-store' } });
};
