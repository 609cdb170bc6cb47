import type { Database } from '$lib/database.types';
import { db } from './client';
import * as geodata from './geodata';

type Row = Database['public']['Tables']['districts']['Row'];
export type District = Omit<Row, 'boundary' | 'min_lat' | 'max_lat' | 'min_lon' | 'max_lon'> & { has_boundary: boolean };

// the boundary's polygons stay in the database (a page gets whether there is one): a
// district's GeoJSON may be megabytes
export async function list(): Promise<District[]> {
	const { data, error } = await db()
		.from('districts')
		.select('id, name, primary_school_places, lower_secondary_places, kindergarten_places, updated_at, min_lat')
		.order('name');
	if (error) throw new Error(`listing districts: ${error.message}`);
	return data.map(({ min_lat, ...d }) => ({ ...d, has_boundary: min_lat !== null }));
}

export async function setPlaces(
	id: string,
	places: { primary_school_places: number; lower_secondary_places: number; kindergarten_places: number }
) {
	const { error } = await db()
		.from('districts')
		.update({ ...places, updated_at: new Date().toISOString() })
		.eq('id', id);
	if (error) throw new Error(`saving places: ${error.message}`);
}

/** the admin's upload of the boundaries: the import `npm run import:districts` does, as whoever is signed in
 * (the dwellings whose district it changes are in the audit log under that person) */
export async function importBoundaries(file: string, text: string) {
	return geodata.importBoundaries(db(), file, text);
}
