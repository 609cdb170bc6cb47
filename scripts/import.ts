// npm run import:addresses -- FILE.zip|csv the address register (Kartverket, per municipality)
// npm run import:gtfs -- FILE.zip [--hub "Stop name or id"]   a GTFS timetable (Entur, Skyss)
// npm run import:districts -- FILE.geojson the school districts' boundaries
// npm run geodata:demo -- DIR              writes the demo municipality's three files to DIR
// Each import reads the whole file first: a wrong one is one error naming the file and the
// line, and nothing changes. Against SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY when set, else
// the local stack of `npm start` (which must be running). README says where each file is
// downloaded.
import { readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import { apiKey } from './stack/jwt.ts';
import { LOCAL_JWT_SECRET, portsFrom } from './stack/index.ts';
import { writeDemoGeodata } from './geodata/demo-files.ts';
import { importAddresses, importBoundaries, importGtfs } from '../src/lib/server/db/geodata.ts';
import { addressFile } from '../src/lib/server/files/address-register.ts';
import { ImportError } from '../src/lib/server/files/import-error.ts';

const [kind, file, ...rest] = process.argv.slice(2);
const usage = () => {
	console.error(
		'usage: npm run import:addresses -- FILE.zip|FILE.csv | import:gtfs -- FILE.zip [--hub NAME] | import:districts -- FILE.geojson'
	);
	process.exit(2);
};
if (!file) usage();

if (kind === 'demo-files') {
	const files = writeDemoGeodata(file);
	for (const [what, path] of Object.entries(files)) console.log(`busett: ${what}: ${path}`);
	process.exit(0);
}

const url = process.env.SUPABASE_URL ?? `http://127.0.0.1:${portsFrom(process.env).api}`;
const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? apiKey('service_role', LOCAL_JWT_SECRET);
const db = createClient(url, key, { auth: { persistSession: false } });
const hubAt = rest.indexOf('--hub');
// the register's CSV, or the zip it is downloaded in: errors name the member read
const addressArgs = (path: string): [string, string] => {
	const { file: name, text } = addressFile(path, readFileSync(path));
	return [name, text];
};
const hub = hubAt >= 0 ? rest[hubAt + 1] : undefined;

try {
	const started = performance.now();
	const result =
		kind === 'addresses'
			? await importAddresses(db, ...addressArgs(file))
			: kind === 'gtfs'
				? await importGtfs(db, file, readFileSync(file), hub)
				: kind === 'districts'
					? await importBoundaries(db, file, readFileSync(file, 'utf8'))
					: usage();
	console.log(`busett: imported ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result)}`);
} catch (error) {
	console.error(`busett: ${error instanceof ImportError ? error.message : `could not import ${file}: ${(error as Error).message}`}`);
	process.exit(1);
}
