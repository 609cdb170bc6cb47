// The demo municipality's public data in the real formats, made here (Fjordvik is made up,
// so its files cannot be downloaded): the address register's CSV (Geonorge's columns, EUREF89
// UTM zone 32), a GTFS feed (four routes through the six localities, a normal timetable on
// weekdays and fewer trips at weekends and over Christmas) and the school districts as
// GeoJSON. Deterministic: the same files every time. `npm start` imports them on first start
// through the commands a municipality uses with its own files (scripts/import.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import proj4 from 'proj4';

const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
// the municipality centre, Straumvik, in UTM zone 32 (north of Bergen, where no Fjordvik is)
const CENTRE = { e: 291000, n: 6741000 };
const toDegrees = (e: number, n: number) => {
	const [lon, lat] = proj4(UTM32, 'WGS84', [e, n]);
	return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
};

// the six localities, as in supabase/seed.sql (postcode, place, district), metres from the centre
export const LOCALITIES = [
	{ key: 'straumvik', name: 'Straumvik', postcode: '5914', district: 'Straumvik skulekrins', x: 0, y: 0 },
	{ key: 'lid', name: 'Lid', postcode: '5915', district: 'Lid skulekrins', x: -6000, y: 3000 },
	{ key: 'nesheim', name: 'Nesheim', postcode: '5916', district: 'Nesheim skulekrins', x: 5000, y: 4000 },
	{ key: 'haugland', name: 'Haugland', postcode: '5917', district: 'Haugland skulekrins', x: -4000, y: -5000 },
	{ key: 'saetre', name: 'Sætre', postcode: '5918', district: 'Sætre skulekrins', x: 9000, y: -7000 },
	{ key: 'vagoy', name: 'Vågøy', postcode: '5919', district: 'Vågøy skulekrins', x: 2000, y: -9000 }
] as const;
const STREETS = ['Fjordvegen', 'Skulevegen', 'Kyrkjevegen', 'Naustvegen', 'Bakkane', 'Hagevegen', 'Strandgata', 'Lia'];
const at = (key: string) => LOCALITIES.find((l) => l.key === key)!;

/** the register's rows: every street of every locality with house numbers 1–48, but Lia in
 * Lid, a new street the register does not have yet (its dwellings are placed by staff) */
function addressCsv(): string {
	const header =
		'lokalid;kommunenummer;kommunenavn;adressetype;adressetilleggsnavn;adressekode;adressenavn;nummer;bokstav;gardsnummer;bruksnummer;festenummer;seksjonsnummer;undernummer;adresseTekst;adresseTekstUtenAdressetilleggsnavn;EPSG-kode;Nord;Øst;postnummer;poststed;grunnkretsnummer;grunnkretsnavn;tettstednavn';
	const lines = [header];
	let id = 700000;
	LOCALITIES.forEach((l, li) => {
		STREETS.forEach((street, si) => {
			if (l.key === 'lid' && street === 'Lia') return;
			// each street runs out from the locality's centre in its own direction
			const angle = (si * Math.PI) / 4 + li * 0.3;
			for (let no = 1; no <= 48; no++) {
				const along = 60 + no * 25;
				const side = no % 2 === 0 ? 12 : -12;
				const e = CENTRE.e + l.x + Math.cos(angle) * along - Math.sin(angle) * side;
				const n = CENTRE.n + l.y + Math.sin(angle) * along + Math.cos(angle) * side;
				const letter = no === 12 ? 'B' : '';
				const text = `${street} ${no}${letter}`;
				lines.push(
					[
						String(++id),
						'4699',
						'FJORDVIK',
						'vegadresse',
						'',
						String(1000 + li * 10 + si),
						street,
						String(no),
						letter,
						String(10 + li),
						String(no),
						'0',
						'0',
						'0',
						text,
						text,
						'25832',
						n.toFixed(2),
						e.toFixed(2),
						l.postcode,
						l.name.toUpperCase(),
						`4699010${li}`,
						l.name,
						l.name
					].join(';')
				);
			}
		});
	});
	return lines.join('\n') + '\n';
}

/** each district a rough circle of about 3 km around its locality (they do not overlap) */
function districtsGeojson(): string {
	const features = LOCALITIES.map((l, li) => {
		const ring: [number, number][] = [];
		for (let k = 0; k < 16; k++) {
			const angle = (k * Math.PI) / 8;
			const radius = 2700 + ((k * 7 + li * 3) % 5) * 100;
			const p = toDegrees(CENTRE.e + l.x + Math.cos(angle) * radius, CENTRE.n + l.y + Math.sin(angle) * radius);
			ring.push([p.lon, p.lat]);
		}
		ring.push(ring[0]);
		return { type: 'Feature', properties: { name: l.district, kommunenummer: '4699' }, geometry: { type: 'Polygon', coordinates: [ring] } };
	});
	// one feature per line group, as GIS tools write them, so an error can name a line
	return `{\n"type": "FeatureCollection",\n"name": "skulekrinsar",\n"features": [\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]\n}\n`;
}

// the routes: the stops in order (name, metres from the centre) and the weekday departures
// from the first stop, each way; a trip takes 2 minutes between stops
type Route = {
	id: string;
	name: string;
	stops: { id: string; name: string; x: number; y: number; parent?: string }[];
	weekday: string[];
	saturday: string[];
	sunday: string[];
};
const between = (a: { x: number; y: number }, b: { x: number; y: number }, t: number) => ({
	x: a.x + (b.x - a.x) * t,
	y: a.y + (b.y - a.y) * t
});
const beyond = (from: { x: number; y: number }, to: { x: number; y: number }, metres: number) => {
	const d = Math.hypot(to.x - from.x, to.y - from.y);
	return { x: to.x + ((to.x - from.x) / d) * metres, y: to.y + ((to.y - from.y) / d) * metres };
};
const every = (from: string, to: string, minutes: number) => {
	const out: string[] = [];
	const [h0, m0] = from.split(':').map(Number);
	const [h1, m1] = to.split(':').map(Number);
	for (let t = h0 * 60 + m0; t <= h1 * 60 + m1; t += minutes)
		out.push(`${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
	return out;
};

function routes(): Route[] {
	const centre = { x: 0, y: 0 };
	const line = (key: string, names: string[]) => {
		const l = at(key);
		const inner = names.slice(0, -3).map((name, i, all) => ({ name, ...between(centre, l, (i + 1) / (all.length + 1)) }));
		return [
			...inner,
			{ name: names[names.length - 3], ...between(centre, l, 1) },
			{ name: names[names.length - 2], ...beyond(centre, l, 600) },
			{ name: names[names.length - 1], ...beyond(centre, l, 1200) }
		];
	};
	const terminal = (platform: string, x: number) => ({
		id: `FJV:Quay:terminal-${platform}`,
		name: `Straumvik terminal ${platform}`,
		x,
		y: 0,
		parent: 'FJV:StopPlace:terminal'
	});
	const named = (prefix: string, stops: { name: string; x: number; y: number }[]) =>
		stops.map((s, i) => ({ id: `FJV:Quay:${prefix}-${i + 1}`, ...s }));
	// route 10: 24 trips each way on a weekday (half-hourly in the rush hours, hourly between)
	const weekday10 = [
		...every('06:10', '08:40', 30),
		...every('09:40', '14:40', 60),
		...every('15:10', '17:40', 30),
		...every('18:40', '23:40', 60)
	];
	return [
		{
			id: 'FJV:Line:10',
			name: '10 Straumvik – Lid',
			stops: [terminal('A', -20), ...named('lid', line('lid', ['Kvernhusvegen', 'Fjellsbu', 'Lid sentrum', 'Lid skule', 'Lid nord']))],
			weekday: weekday10,
			saturday: every('08:10', '22:10', 120),
			sunday: every('10:10', '20:10', 120)
		},
		{
			id: 'FJV:Line:20',
			name: '20 Haugland – Straumvik – Nesheim',
			stops: [
				...named('haug', line('haugland', ['Myrane', 'Haugland sentrum', 'Haugland skule', 'Haugland sør']).reverse()),
				terminal('B', 20),
				...named('nes', line('nesheim', ['Grøvla', 'Nesheim sentrum', 'Nesheim kai', 'Nesheim aust']))
			],
			weekday: every('06:00', '22:00', 30),
			saturday: every('08:00', '22:00', 60),
			sunday: every('10:00', '20:00', 120)
		},
		{
			id: 'FJV:Line:30',
			name: '30 Straumvik – Vågøy',
			stops: [terminal('A', -20), ...named('vag', line('vagoy', ['Brua', 'Holmen', 'Vågøy sentrum', 'Vågøy skule', 'Vågøy ytre']))],
			weekday: every('06:25', '21:25', 60),
			saturday: every('09:25', '19:25', 120),
			sunday: []
		},
		{
			// the rural route: a few trips a day, the transport report's case
			id: 'FJV:Line:40',
			name: '40 Straumvik – Sætre',
			stops: [terminal('B', 20), ...named('sae', line('saetre', ['Storemyr', 'Kleiva', 'Sætre sentrum', 'Sætre skule', 'Sætre ende']))],
			weekday: ['06:45', '11:15', '15:30', '17:45'],
			saturday: ['10:15'],
			sunday: []
		}
	];
}

/** the feed: valid for the school year 2026/27; the weekday service is off from 24 December
 * to 1 January, when the Saturday timetable runs instead */
function gtfsZip(): Uint8Array {
	const all = routes();
	const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
	const stops = new Map<string, (string | number)[]>();
	const t = toDegrees(CENTRE.e, CENTRE.n);
	stops.set('FJV:StopPlace:terminal', ['FJV:StopPlace:terminal', 'Straumvik terminal', t.lat, t.lon, 1, '']);
	for (const r of all)
		for (const s of r.stops) {
			const p = toDegrees(CENTRE.e + s.x, CENTRE.n + s.y);
			stops.set(s.id, [s.id, s.name, p.lat, p.lon, 0, s.parent ?? '']);
		}
	const trips: (string | number)[][] = [];
	const times: (string | number)[][] = [];
	const hhmmss = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
	for (const r of all)
		for (const [service, starts] of [
			['weekday', r.weekday],
			['saturday', r.saturday],
			['sunday', r.sunday]
		] as const)
			for (const [dir, order] of [
				[0, r.stops],
				[1, [...r.stops].reverse()]
			] as const)
				starts.forEach((start, i) => {
					const trip = `${r.id.replace('Line', 'ServiceJourney')}-${service}-${dir}-${i + 1}`;
					trips.push([r.id, service, trip, order[order.length - 1].name.replace(/ [AB]$/, ''), dir]);
					const [h, m] = start.split(':').map(Number);
					order.forEach((s, k) => times.push([trip, hhmmss(h * 60 + m + k * 2), hhmmss(h * 60 + m + k * 2), s.id, k + 1]));
				});
	const files = {
		'agency.txt': csv([
			['agency_id', 'agency_name', 'agency_url', 'agency_timezone'],
			['FJV:Authority:1', 'Fjordvik Kollektiv (eksempel)', 'https://example.no', 'Europe/Oslo']
		]),
		'stops.txt': csv([['stop_id', 'stop_name', 'stop_lat', 'stop_lon', 'location_type', 'parent_station'], ...stops.values()]),
		'routes.txt': csv([
			['route_id', 'agency_id', 'route_short_name', 'route_long_name', 'route_type'],
			...all.map((r) => [r.id, 'FJV:Authority:1', r.name.split(' ')[0], r.name.slice(3), 3])
		]),
		'trips.txt': csv([['route_id', 'service_id', 'trip_id', 'trip_headsign', 'direction_id'], ...trips]),
		'stop_times.txt': csv([['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'], ...times]),
		'calendar.txt': csv([
			['service_id', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'start_date', 'end_date'],
			['weekday', 1, 1, 1, 1, 1, 0, 0, '20260817', '20270620'],
			['saturday', 0, 0, 0, 0, 0, 1, 0, '20260817', '20270620'],
			['sunday', 0, 0, 0, 0, 0, 0, 1, '20260817', '20270620']
		]),
		'calendar_dates.txt': csv([
			['service_id', 'date', 'exception_type'],
			...['20261224', '20261225', '20261228', '20261229', '20261230', '20261231', '20270101'].flatMap((d) => [
				['weekday', d, 2],
				['saturday', d, 1]
			])
		])
	};
	return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { mtime: new Date('2026-08-01T00:00:00Z') });
}

export const DEMO_HUB = 'Straumvik terminal';

/** writes the three files into `dir` and says where they are */
export function writeDemoGeodata(dir: string) {
	mkdirSync(dir, { recursive: true });
	const files = {
		addresses: join(dir, 'adresser-4699.csv'),
		gtfs: join(dir, 'gtfs-fjordvik.zip'),
		districts: join(dir, 'skulekrinsar-4699.geojson')
	};
	writeFileSync(files.addresses, addressCsv());
	writeFileSync(files.gtfs, gtfsZip());
	writeFileSync(files.districts, districtsGeojson());
	return files;
}
