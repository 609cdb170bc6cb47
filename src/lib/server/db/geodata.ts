// The three imports, from a file's contents to the database: parsed whole first (a wrong file
// is one ImportError and nothing is written), then replaced in one SQL call each, which also
// recomputes what follows from it (dwellings' points, districts, bus access). Used by the
// commands (`npm run import:*`, scripts/import.ts), by `npm start` for the demo's files, and
// by the admin's upload of district boundaries (districts.importBoundaries); the caller
// brings its service-role client.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import { parseAddresses } from '../files/address-register.ts';
import { parseBoundaries } from '../files/district-boundaries.ts';
import { parseGtfs } from '../files/gtfs.ts';

type Db = SupabaseClient<Database>;

async function call<T>(what: string, run: PromiseLike<{ data: unknown; error: { message: string } | null }>): Promise<T> {
	const { data, error } = await run;
	if (error) throw new Error(`${what}: ${error.message}`);
	return data as T;
}

export async function importAddresses(db: Db, file: string, text: string) {
	const { municipality, addresses } = parseAddresses(file, text);
	const result = await call<{ addresses: number; removed: number; moved: number; linked: number }>(
		'importing the addresses',
		db.rpc('import_addresses', { p_municipality: municipality, p_rows: addresses })
	);
	return { municipality, ...result };
}

export async function importGtfs(db: Db, file: string, zip: Uint8Array, hub?: string) {
	const feed = parseGtfs(file, zip, hub);
	const result = await call<{ stops: number; departures: number; dwellings: number }>(
		'importing the timetable',
		db.rpc('import_gtfs', {
			p_file_name: file.split('/').pop() ?? file,
			p_service_date: feed.serviceDate,
			// no hub named: no departure reaches one
			p_hub_stop_id: feed.hubStopId ?? '',
			p_stops: feed.stops,
			p_dep_stops: feed.departures.map((d) => d.stopId),
			p_dep_trips: feed.departures.map((d) => d.tripId),
			p_dep_minutes: feed.departures.map((d) => d.minute),
			p_dep_hubs: feed.departures.map((d) => d.reachesHub)
		})
	);
	return { serviceDate: feed.serviceDate, hub: feed.hubStopId, ...result };
}

export async function importBoundaries(db: Db, file: string, text: string) {
	const boundaries = parseBoundaries(file, text);
	return call<{ added: number; updated: number; cleared: number; dwellings: number }>(
		'importing the district boundaries',
		db.rpc('import_district_boundaries', { p_districts: boundaries as unknown as Json })
	);
}
