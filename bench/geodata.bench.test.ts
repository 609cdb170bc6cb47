// npm run bench:geodata — a timetable the size of Skyss' (≈ 3,000 stops, 300,000 stop times)
// imported while 4,000 dwellings wait for their bus access, on the bench's throwaway stack.
// The feed is generated here, deterministically: 150 routes of 20 stops each over a 30 × 30 km
// box (every stop on one), each with 30 weekday trips a direction, 12 on Saturdays and 8 on Sundays (100 trips a
// route, 20 stop times a trip). Then the same code as `npm run import:gtfs`: the zip parsed and
// reduced to one Tuesday (TypeScript), and one SQL call that replaces the stops and departures
// and recomputes every dwelling's bus access. Prints the time of each part (goal: ≤ 30 s in all
// on this machine), and fails only on a wrong result.
import { cpus } from 'node:os';
import { strToU8, zipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGtfs } from '../src/lib/server/files/gtfs';
import { importGtfs } from '../src/lib/server/db/geodata';
import { serviceClient } from '../tests/helpers/clients';
import { stackEnv } from '../tests/helpers/env';

const STOPS = 3000;
const ROUTES = 150;
const STOPS_A_ROUTE = 20;
const TRIPS = { weekday: 30, saturday: 12, sunday: 8 } as const;
const DWELLINGS = 4000;
// the box: 60.60–60.87 °N, 4.80–5.35 °E (about 30 × 30 km at this latitude)
const BOX = { lat: 60.6, lon: 4.8, dLat: 0.27, dLon: 0.55 };

// a small deterministic generator (mulberry32), so every run imports the same feed
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function feed(): { zip: Uint8Array; stopTimes: number } {
	const next = random(19);
	const side = Math.ceil(Math.sqrt(STOPS));
	const stops = Array.from({ length: STOPS }, (_, i) => ({
		id: `SKY:Quay:${i + 1}`,
		col: i % side,
		row: Math.floor(i / side),
		lat: +(BOX.lat + (Math.floor(i / side) + next() * 0.6) * (BOX.dLat / side)).toFixed(6),
		lon: +(BOX.lon + ((i % side) + next() * 0.6) * (BOX.dLon / side)).toFixed(6)
	}));
	const hhmmss = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
	// every stop is on a line, as in a real feed: the grid walked row by row, turning at each
	// end (each step to a neighbour), cut into the routes' 20 stops
	const walk = stops
		.map((s, i) => ({ s, key: s.row * side + (s.row % 2 === 0 ? s.col : side - 1 - s.col), i }))
		.sort((a, b) => a.key - b.key)
		.map((x) => x.s);
	const trips = ['route_id,service_id,trip_id,direction_id'];
	const times = ['trip_id,arrival_time,departure_time,stop_id,stop_sequence'];
	for (let r = 0; r < ROUTES; r++) {
		const path = walk.slice(r * STOPS_A_ROUTE, (r + 1) * STOPS_A_ROUTE);
		for (const [service, count] of Object.entries(TRIPS))
			for (const dir of [0, 1]) {
				const order = dir === 0 ? path : [...path].reverse();
				for (let k = 0; k < count; k++) {
					const trip = `SKY:ServiceJourney:${r}-${service}-${dir}-${k}`;
					trips.push(`SKY:Line:${r},${service},${trip},${dir}`);
					const start = 6 * 60 + Math.floor((k * (17 * 60)) / count);
					order.forEach((s, i) => times.push(`${trip},${hhmmss(start + i * 2)},${hhmmss(start + i * 2)},${s.id},${i + 1}`));
				}
			}
	}
	const files = {
		'agency.txt': 'agency_id,agency_name,agency_url,agency_timezone\nSKY:Authority:SKY,Skyss (bench),https://example.no,Europe/Oslo\n',
		'stops.txt': ['stop_id,stop_name,stop_lat,stop_lon', ...stops.map((s) => `${s.id},Stopp ${s.col}-${s.row},${s.lat},${s.lon}`)].join(
			'\n'
		),
		'routes.txt': [
			'route_id,agency_id,route_short_name,route_type',
			...Array.from({ length: ROUTES }, (_, r) => `SKY:Line:${r},SKY:Authority:SKY,${r},3`)
		].join('\n'),
		'trips.txt': trips.join('\n'),
		'stop_times.txt': times.join('\n'),
		'calendar.txt': [
			'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
			'weekday,1,1,1,1,1,0,0,20260817,20270620',
			'saturday,0,0,0,0,0,1,0,20260817,20270620',
			'sunday,0,0,0,0,0,0,1,20260817,20270620'
		].join('\n'),
		'calendar_dates.txt': 'service_id,date,exception_type\n'
	};
	return { zip: zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))), stopTimes: times.length - 1 };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let db: pg.Client;

beforeAll(async () => {
	db = new pg.Client({ connectionString: stackEnv().databaseUrl });
	await db.connect();
});
afterAll(async () => {
	await db?.end();
});

describe('bench:geodata', () => {
	it('imports a Skyss-size timetable and recomputes 4,000 dwellings’ bus access', async () => {
		let started = performance.now();
		const { zip, stopTimes } = feed();
		const generated = performance.now() - started;
		expect(stopTimes).toBe(ROUTES * STOPS_A_ROUTE * 2 * (TRIPS.weekday + TRIPS.saturday + TRIPS.sunday));

		// 4,000 dwellings placed across the box, as staff would place them (drafts need no more)
		const next = random(4000);
		const points = Array.from({ length: DWELLINGS }, () => [BOX.lat + next() * BOX.dLat, BOX.lon + next() * BOX.dLon]);
		started = performance.now();
		// an insert takes the register's point or none; a point staff set is an update
		await db.query(
			`insert into public.dwellings (street, postcode, place, locality, status)
			 select 'Benkvegen ' || n, '5914', 'Straumvik', 'Straumvik', 'draft' from generate_series(1, $1) n`,
			[DWELLINGS]
		);
		await db.query(
			`update public.dwellings d set lat = p.lat, lon = p.lon
			 from unnest($1::float8[], $2::float8[]) with ordinality as p(lat, lon, n)
			 where d.street = 'Benkvegen ' || p.n`,
			[points.map((p) => p[0]), points.map((p) => p[1])]
		);
		const placed = performance.now() - started;

		started = performance.now();
		const parsed = parseGtfs('bench-skyss.zip', zip, 'SKY:Quay:1');
		const parsing = performance.now() - started;

		started = performance.now();
		const result = await importGtfs(serviceClient(), 'bench-skyss.zip', zip, 'SKY:Quay:1');
		const whole = performance.now() - started;

		// a wrong result fails: every stop kept, one departure per weekday trip and stop but its last
		expect(parsed.stops.length).toBe(STOPS);
		expect(result.departures).toBe(ROUTES * 2 * TRIPS.weekday * (STOPS_A_ROUTE - 1));
		expect(result.dwellings).toBeGreaterThanOrEqual(DWELLINGS);
		const { rows } = await db.query(
			`select count(*)::int as n, count(*) filter (where b.departures_1000 > 0)::int as served
			 from public.dwelling_bus_access b join public.dwellings d on d.id = b.dwelling_id where d.street like 'Benkvegen %'`
		);
		expect(rows[0].n).toBe(DWELLINGS);
		expect(rows[0].served).toBeGreaterThan(0);

		console.log(
			[
				`bench:geodata — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`,
				`feed: ${STOPS} stops, ${ROUTES} routes, ${stopTimes.toLocaleString('en')} stop times, zip ${(zip.length / 1e6).toFixed(1)} MB (generated in ${seconds(generated)})`,
				`placing ${DWELLINGS} dwellings (one insert, one update of their points; bus access from the demo feed): ${seconds(placed)}`,
				`parsing the zip and picking the Tuesday (TypeScript): ${seconds(parsing)} → ${result.departures.toLocaleString('en')} departures on ${result.serviceDate}`,
				`npm run import:gtfs's work in all (parse + one SQL call replacing the feed and recomputing ${result.dwellings} dwellings): ${seconds(whole)} (goal ≤ 30 s)`,
				`of which SQL and the transfer: ${seconds(whole - parsing)}`,
				`dwellings with a departure within 1 km: ${rows[0].served} of ${rows[0].n}`
			].join('\n')
		);

		await db.query(`delete from public.dwellings where street like 'Benkvegen %' and status = 'draft'`);
	});
});
