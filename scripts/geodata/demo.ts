// The demo's geodata on a freshly seeded local stack: the three demo files made
// (demo-files.ts) and imported through the same code as `npm run import:*`, once (a stack
// that has a timetable already is left as it is).
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { importAddresses, importBoundaries, importGtfs } from '../../src/lib/server/db/geodata.ts';
import { DEMO_HUB, writeDemoGeodata } from './demo-files.ts';
import { readFileSync } from 'node:fs';

export async function importDemoGeodata(url: string, serviceKey: string, dataDir: string, log: (line: string) => void) {
	const db = createClient<Database>(url, serviceKey, { auth: { persistSession: false } });
	const { count, error } = await db.from('bus_feed').select('id', { count: 'exact', head: true });
	if (error) throw new Error(`reading the timetable: ${error.message}`);
	if (count) return;
	const started = performance.now();
	const files = writeDemoGeodata(join(dataDir, 'demo-geodata'));
	await importAddresses(db, files.addresses, readFileSync(files.addresses, 'utf8'));
	await importBoundaries(db, files.districts, readFileSync(files.districts, 'utf8'));
	await importGtfs(db, files.gtfs, readFileSync(files.gtfs), DEMO_HUB);
	log(`imported the demo's address register, school districts and timetable in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
