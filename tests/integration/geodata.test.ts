// Issue 19: the address register, the timetable and the districts' boundaries, imported
// through the code of `npm run import:*` (src/lib/server/db/geodata.ts) into the test stack,
// which `npm test` started with the demo's files imported (scripts/geodata/demo.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HUB, writeDemoGeodata } from '../../scripts/geodata/demo-files.ts';
import { importAddresses, importBoundaries, importGtfs } from '../../src/lib/server/db/geodata.ts';
import { ImportError } from '../../src/lib/server/files/import-error.ts';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';

const db = serviceClient;
const files = writeDemoGeodata(mkdtempSync(join(tmpdir(), 'busett-geodata-')));
const demoZip = () => readFileSync(files.gtfs);

/** the demo feed with one member's text changed */
function feedWith(name: string, change: (text: string) => string): Uint8Array {
	const members = unzipSync(demoZip());
	members[name] = strToU8(change(strFromU8(members[name])));
	return zipSync(members);
}

async function draftAt(street: string, postcode: string) {
	const { data, error } = await db()
		.from('dwellings')
		.insert({ street, postcode, place: 'Lid', locality: 'Lid', status: 'draft' })
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

async function located(id: string) {
	const { data, error } = await db()
		.from('dwellings')
		.select('address_id, lat, lon, placed_by, district:districts(name), access:dwelling_bus_access(*)')
		.eq('id', id)
		.single();
	if (error) throw error;
	return data;
}

/** what an import could have changed, to compare before and after one that fails */
async function snapshot() {
	const [addresses, stops, feed, districts] = await Promise.all([
		db().from('addresses').select('id', { count: 'exact', head: true }),
		db().from('bus_stops').select('id, departures').order('id'),
		db().from('bus_feed').select('imported_at').single(),
		db().from('districts').select('name, boundary').order('name')
	]);
	return { addresses: addresses.count, stops: stops.data, feed: feed.data, districts: districts.data };
}

async function refused(run: () => Promise<unknown>): Promise<ImportError> {
	const error = await run().then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImportError);
	return error as ImportError;
}

afterAll(async () => {
	// the demo's feed as it was, whatever a test left
	await importGtfs(db(), files.gtfs, demoZip(), DEMO_HUB);
});

describe('the timetable import', () => {
	it('gives Lid skule the departures its timetable has on a normal Tuesday', async () => {
		// counted by hand from scripts/geodata/demo-files.ts: Lid skule is on route 10 alone,
		// the second stop from the end; route 10 runs 24 trips each way on a weekday (six
		// half-hourly from 06:10, six hourly from 09:40, six half-hourly from 15:10, six hourly
		// from 18:40), and neither direction ends there: 48 departures, of which the 24 towards
		// Straumvik reach the hub. The first leaves Lid nord at 06:10 and Lid skule at 06:12; the
		// last leaves the terminal at 23:40 and Lid skule four stops later, at 23:48.
		const { data, error } = await db().from('bus_stops').select('*').eq('name', 'Lid skule').single();
		if (error) throw error;
		expect(data).toMatchObject({ departures: 48, hub_departures: 24, first_departure: 6 * 60 + 12, last_departure: 23 * 60 + 48 });
		// the feed's period starts on Monday 17 August 2026: its first Tuesday is the 18th
		const feed = await db().from('bus_feed').select('service_date, hub_name').single();
		expect(feed.data).toEqual({ service_date: '2026-08-18', hub_name: 'Straumvik terminal' });
	});

	it('counts the platforms of a station as one stop', async () => {
		const { data } = await db().from('bus_stops').select('id, departures').like('name', 'Straumvik terminal%');
		// platforms A and B are FJV:Quay:terminal-A/-B, their station FJV:StopPlace:terminal
		expect(data).toEqual([{ id: 'FJV:StopPlace:terminal', departures: expect.any(Number) }]);
		expect(data![0].departures).toBeGreaterThan(100);
	});

	it('skips a Tuesday with fewer trips than usual (a holiday) for the next normal one', async () => {
		// the weekday service taken off on the feed's first Tuesday, 18 August
		const zip = feedWith('calendar_dates.txt', (text) => `${text}weekday,20260818,2\n`);
		const result = await importGtfs(db(), 'holiday.zip', zip, DEMO_HUB);
		expect(result.serviceDate).toBe('2026-08-25');
		await importGtfs(db(), files.gtfs, demoZip(), DEMO_HUB);
	});
});

describe('a dwelling placed from the register', () => {
	it('gets its coordinates, district and bus figures when it is written, and again when the feed changes', async () => {
		const id = await draftAt('skulevegen  4', '5915');
		const first = await located(id);
		expect(first.placed_by).toBe('register');
		expect(first.address_id).not.toBeNull();
		expect(first.lat).toBeGreaterThan(60);
		expect(first.district?.name).toBe('Lid skulekrins');
		expect(first.access).toMatchObject({ nearest_stop_name: 'Lid sentrum', departures_500: 48 });

		// route 10 taken out of the feed: nothing leaves near the dwelling any more
		const without10 = feedWith('trips.txt', (text) =>
			text
				.split('\n')
				.filter((l) => !l.startsWith('FJV:Line:10,'))
				.join('\n')
		);
		const stripped = unzipSync(without10);
		stripped['stop_times.txt'] = strToU8(
			strFromU8(stripped['stop_times.txt'])
				.split('\n')
				.filter((l) => !l.startsWith('FJV:ServiceJourney:10-'))
				.join('\n')
		);
		await importGtfs(db(), 'without-10.zip', zipSync(stripped), DEMO_HUB);
		expect((await located(id)).access).toMatchObject({ departures_500: 0, departures_1000: 0 });

		await importGtfs(db(), files.gtfs, demoZip(), DEMO_HUB);
		expect((await located(id)).access).toMatchObject({ departures_500: 48 });
	});

	it('loses a point that came from the register when the address is changed to one the register lacks', async () => {
		const id = await draftAt('Skulevegen 4', '5915');
		expect((await located(id)).placed_by).toBe('register');
		const { error } = await db().from('dwellings').update({ street: 'Lia 3' }).eq('id', id);
		expect(error).toBeNull();
		// Lia in Lid is a new street the demo register does not have: staff place the dwelling
		expect(await located(id)).toMatchObject({ address_id: null, lat: null, lon: null, placed_by: null, access: null });
	});

	it('keeps its "still available?" clock when only its place changes', async () => {
		const id = await draftAt('Lia 3', '5915');
		const before = await db().from('dwellings').select('updated_at').eq('id', id).single();
		const { error } = await db().from('dwellings').update({ lat: 60.78, lon: 5.2 }).eq('id', id);
		expect(error).toBeNull();
		const after = await db().from('dwellings').select('updated_at, placed_by').eq('id', id).single();
		expect(after.data).toEqual({ updated_at: before.data!.updated_at, placed_by: 'staff' });
	});
});

describe('an import of a wrong file', () => {
	it('refuses a file that is not a zip, naming it, and changes nothing', async () => {
		const before = await snapshot();
		const error = await refused(() => importGtfs(db(), 'skyss.zip', strToU8('not a zip at all'), DEMO_HUB));
		expect(error.message).toMatch(/^skyss\.zip: not a GTFS zip file/);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a feed with a broken time, naming the member and the line, and changes nothing', async () => {
		const before = await snapshot();
		const zip = feedWith('stop_times.txt', (text) => {
			const lines = text.split('\n');
			// trip_id,arrival_time,departure_time,stop_id,stop_sequence: the departure made wrong
			lines[2] = lines[2].replace(/,(\d\d:\d\d:\d\d),\d\d:\d\d:\d\d,/, ',$1,6 o’clock,');
			return lines.join('\n');
		});
		const error = await refused(() => importGtfs(db(), 'broken.zip', zip, DEMO_HUB));
		expect(error.message).toBe('broken.zip: stop_times.txt, line 3: departure_time "6 o’clock" is not a time (HH:MM:SS)');
		expect(await snapshot()).toEqual(before);
	});

	it('refuses an address file with the wrong columns, naming line 1 and the columns missing', async () => {
		const before = await snapshot();
		const text = readFileSync(files.addresses, 'utf8').replace('Nord;Øst', 'N;E');
		const error = await refused(() => importAddresses(db(), 'adresser.csv', text));
		expect(error.message).toMatch(/^adresser\.csv, line 1: the header has no column Nord, Øst/);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses boundaries with a ring that is not closed, naming the feature’s line, and changes nothing', async () => {
		const before = await snapshot();
		const text = readFileSync(files.districts, 'utf8');
		const lines = text.split('\n');
		// line 6 is the second feature (Lid): its ring's last position taken away
		const lid = JSON.parse(lines[5].replace(/,$/, ''));
		lid.geometry.coordinates[0].pop();
		lines[5] = JSON.stringify(lid) + ',';
		const error = await refused(() => importBoundaries(db(), 'skulekrinsar.geojson', lines.join('\n')));
		expect(error.message).toBe(
			'skulekrinsar.geojson, line 6: feature 2: "Lid skulekrins": a ring is not closed (its last position must be its first)'
		);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses boundaries that are not JSON, naming the line', async () => {
		const error = await refused(() => importBoundaries(db(), 'b.geojson', '{\n"type": "FeatureCollection",\n"features": [\n}'));
		expect(error.line).toBe(4);
		expect(error.message).toMatch(/^b\.geojson, line 4: not valid JSON/);
	});
});

describe('npm run import:gtfs', () => {
	it('says what is wrong with the file, naming it, and exits with an error', () => {
		const bad = join(mkdtempSync(join(tmpdir(), 'busett-bad-')), 'feed.zip');
		writeFileSync(bad, 'PK but not a zip');
		const run = spawnSync(join(process.cwd(), 'node_modules/.bin/node'), ['scripts/import.ts', 'gtfs', bad], {
			env: { ...process.env, SUPABASE_URL: stackEnv().supabaseUrl, SUPABASE_SERVICE_ROLE_KEY: stackEnv().serviceRoleKey },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`busett: ${bad}: not a GTFS zip file`);
	});
});

describe('npm run import:addresses', () => {
	const command = (file: string) =>
		spawnSync(join(process.cwd(), 'node_modules/.bin/node'), ['scripts/import.ts', 'addresses', file], {
			env: { ...process.env, SUPABASE_URL: stackEnv().supabaseUrl, SUPABASE_SERVICE_ROLE_KEY: stackEnv().serviceRoleKey },
			encoding: 'utf8'
		});

	it('reads the register from the zip Geonorge delivers, without unpacking it first', async () => {
		const zip = join(mkdtempSync(join(tmpdir(), 'busett-adr-')), 'Basisdata_4699_Fjordvik_25832_MatrikkelenAdresse_CSV.zip');
		writeFileSync(
			zip,
			zipSync({ 'Basisdata_4699/matrikkelenAdresse.csv': readFileSync(files.addresses), 'lesmeg.txt': strToU8('les meg') })
		);
		const run = command(zip);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		// the demo's own addresses again: every one read, none moved
		const { count } = await db().from('addresses').select('*', { count: 'exact', head: true });
		expect(run.stdout).toContain(`"addresses":${count}`);
		expect(run.stdout).toContain('"moved":0');
	});

	it('refuses a zip without exactly one CSV, naming the zip', () => {
		const zip = join(mkdtempSync(join(tmpdir(), 'busett-adr-')), 'adresser.zip');
		writeFileSync(zip, zipSync({ 'a.csv': strToU8('x'), 'b.csv': strToU8('y') }));
		const run = command(zip);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`busett: ${zip}: the zip holds 2 CSV files (a.csv, b.csv)`);
	});
});
