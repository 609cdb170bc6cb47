// A GTFS feed (the format Entur publishes for Norway and Skyss for Vestland) reduced to what
// busett needs: the stops people board at — a station (parent_station) with its platforms
// counted together, or a stop without one — and every departure of one normal weekday: the
// Tuesday in the feed's period with the most trips running (a Tuesday in a holiday week runs
// fewer), earliest on a tie. A departure is a trip leaving a stop where it picks people up,
// not at its last stop; it "reaches the hub" when the same trip stops at the hub later on.
import { unzipSync } from 'fflate';
import { csvRows, type CsvRow } from './csv-rows.ts';
import { ImportError } from './import-error.ts';

export type Stop = { id: string; name: string; lat: number; lon: number };
export type Feed = {
	serviceDate: string;
	hubStopId: string | null;
	stops: Stop[];
	departures: { stopId: string; tripId: string; minute: number; reachesHub: boolean }[];
};

const day = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
const isDate = (s: string) => /^\d{8}$/.test(s) && !Number.isNaN(Date.parse(day(s)));

function member(zipName: string, files: Record<string, Uint8Array>, name: string): CsvRow[] | null {
	const entry = Object.keys(files).find((k) => k === name || k.endsWith(`/${name}`));
	if (!entry) return null;
	return csvRows(`${zipName}: ${name}`, new TextDecoder().decode(files[entry]), ',', REQUIRED[name] ?? []);
}

const REQUIRED: Record<string, string[]> = {
	'stops.txt': ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
	'trips.txt': ['route_id', 'service_id', 'trip_id'],
	'stop_times.txt': ['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'],
	'calendar.txt': ['service_id', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'start_date', 'end_date'],
	'calendar_dates.txt': ['service_id', 'date', 'exception_type']
};

/** minutes after the service day's midnight of a GTFS time (which may pass 24:00); null when blank */
function minutes(file: string, row: CsvRow, column: string): number | null {
	const value = row.get(column);
	if (value === '') return null;
	const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(value);
	if (!m) throw new ImportError(file, row.line, `${column} "${value}" is not a time (HH:MM:SS)`);
	return Number(m[1]) * 60 + Number(m[2]);
}

/** `hub`: a stop_id, a station's id or a stop's exact name (the municipality centre); none: no hub */
export function parseGtfs(zipName: string, zip: Uint8Array, hub?: string): Feed {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(zip);
	} catch (error) {
		throw new ImportError(zipName, null, `not a GTFS zip file (${(error as Error).message})`);
	}
	const need = (name: string) => {
		const rows = member(zipName, files, name);
		if (!rows) throw new ImportError(zipName, null, `the feed has no ${name}`);
		return rows;
	};
	const stopRows = need('stops.txt');
	const tripRows = need('trips.txt');
	const timeRows = need('stop_times.txt');
	const calendar = member(zipName, files, 'calendar.txt') ?? [];
	const exceptions = member(zipName, files, 'calendar_dates.txt') ?? [];
	if (!calendar.length && !exceptions.length)
		throw new ImportError(zipName, null, 'the feed has neither calendar.txt nor calendar_dates.txt');

	// stops: each platform counted at its station
	const f = `${zipName}: stops.txt`;
	const raw = new Map<string, { name: string; lat: number; lon: number; type: string; parent: string; line: number }>();
	for (const row of stopRows) {
		const id = row.get('stop_id');
		if (!id) throw new ImportError(f, row.line, 'a stop has no stop_id');
		if (raw.has(id)) throw new ImportError(f, row.line, `stop_id ${id} comes twice`);
		const type = row.get('location_type') || '0';
		const lat = Number(row.get('stop_lat'));
		const lon = Number(row.get('stop_lon'));
		if ((type === '0' || type === '1') && (!row.get('stop_lat') || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)))
			throw new ImportError(f, row.line, `stop ${id} has no valid stop_lat/stop_lon`);
		raw.set(id, { name: row.get('stop_name') || id, lat, lon, type, parent: row.get('parent_station'), line: row.line });
	}
	const stationOf = new Map<string, string>();
	for (const [id, s] of raw) {
		if (s.type !== '0') continue;
		const parent = s.parent && raw.get(s.parent)?.type === '1' ? s.parent : id;
		stationOf.set(id, parent);
	}
	let hubStation: string | null = null;
	if (hub) {
		const named = [...raw].filter(([id, s]) => id === hub || s.name === hub);
		hubStation = named.map(([id, s]) => (s.type === '1' ? id : stationOf.get(id))).find((id) => id !== undefined) ?? null;
		if (!hubStation) throw new ImportError(f, null, `no stop or station "${hub}" for the hub`);
	}

	// services running on each Tuesday of the feed's period
	const weekly = new Map<string, { start: string; end: string }>();
	let first = '99999999';
	let last = '00000000';
	const cf = `${zipName}: calendar.txt`;
	for (const row of calendar) {
		const start = row.get('start_date');
		const end = row.get('end_date');
		if (!isDate(start) || !isDate(end) || end < start)
			throw new ImportError(cf, row.line, `start_date/end_date "${start}"–"${end}" is not a period`);
		if (row.get('tuesday') === '1') weekly.set(row.get('service_id'), { start, end });
		if (start < first) first = start;
		if (end > last) last = end;
	}
	const added = new Map<string, Set<string>>();
	const removed = new Map<string, Set<string>>();
	const df = `${zipName}: calendar_dates.txt`;
	for (const row of exceptions) {
		const date = row.get('date');
		const kind = row.get('exception_type');
		if (!isDate(date)) throw new ImportError(df, row.line, `date "${date}" is not a date (YYYYMMDD)`);
		if (kind !== '1' && kind !== '2') throw new ImportError(df, row.line, `exception_type "${kind}" is neither 1 nor 2`);
		const to = kind === '1' ? added : removed;
		if (!to.has(date)) to.set(date, new Set());
		to.get(date)!.add(row.get('service_id'));
		if (date < first) first = date;
		if (date > last) last = date;
	}
	const tripsOf = new Map<string, string[]>();
	const serviceOf = new Map<string, string>();
	const tf = `${zipName}: trips.txt`;
	for (const row of tripRows) {
		const trip = row.get('trip_id');
		if (!trip) throw new ImportError(tf, row.line, 'a trip has no trip_id');
		if (serviceOf.has(trip)) throw new ImportError(tf, row.line, `trip_id ${trip} comes twice`);
		serviceOf.set(trip, row.get('service_id'));
		const list = tripsOf.get(row.get('service_id')) ?? [];
		list.push(trip);
		tripsOf.set(row.get('service_id'), list);
	}
	const running = (date: string) => {
		const on = new Set<string>();
		for (const [service, p] of weekly) if (p.start <= date && date <= p.end) on.add(service);
		for (const s of removed.get(date) ?? []) on.delete(s);
		for (const s of added.get(date) ?? []) on.add(s);
		return on;
	};
	let best: { date: string; trips: number; services: Set<string> } | null = null;
	const cursor = new Date(`${day(first)}T12:00:00Z`);
	cursor.setUTCDate(cursor.getUTCDate() + ((2 - cursor.getUTCDay() + 7) % 7));
	for (let i = 0; i < 520 && cursor.toISOString().slice(0, 10) <= day(last); i++, cursor.setUTCDate(cursor.getUTCDate() + 7)) {
		const date = cursor.toISOString().slice(0, 10).replaceAll('-', '');
		const services = running(date);
		const trips = [...services].reduce((n, s) => n + (tripsOf.get(s)?.length ?? 0), 0);
		if (!best || trips > best.trips) best = { date, trips, services };
	}
	if (!best || best.trips === 0) throw new ImportError(zipName, null, 'no trip runs on any Tuesday of the feed’s period');

	// the stop times of the trips running that Tuesday, in order
	const sf = `${zipName}: stop_times.txt`;
	const byTrip = new Map<string, { seq: number; station: string; minute: number | null; pickup: boolean; dropOff: boolean }[]>();
	for (const row of timeRows) {
		const trip = row.get('trip_id');
		const service = serviceOf.get(trip);
		if (service === undefined) throw new ImportError(sf, row.line, `trip_id ${trip} is not in trips.txt`);
		const station = stationOf.get(row.get('stop_id'));
		if (!station) throw new ImportError(sf, row.line, `stop_id ${row.get('stop_id')} is not a stop in stops.txt`);
		const seq = Number(row.get('stop_sequence'));
		if (!Number.isInteger(seq) || seq < 0)
			throw new ImportError(sf, row.line, `stop_sequence "${row.get('stop_sequence')}" is not a whole number`);
		const minute = minutes(sf, row, 'departure_time') ?? minutes(sf, row, 'arrival_time');
		if (!best.services.has(service)) continue;
		const list = byTrip.get(trip) ?? [];
		list.push({ seq, station, minute, pickup: row.get('pickup_type') !== '1', dropOff: row.get('drop_off_type') !== '1' });
		byTrip.set(trip, list);
	}
	const departures: Feed['departures'] = [];
	const used = new Set<string>();
	for (const [trip, times] of byTrip) {
		times.sort((a, b) => a.seq - b.seq);
		const hubAt = hubStation === null ? -1 : times.findLastIndex((t) => t.station === hubStation && t.dropOff);
		for (let i = 0; i < times.length - 1; i++) {
			const t = times[i];
			if (!t.pickup || t.minute === null) continue;
			departures.push({ stopId: t.station, tripId: trip, minute: t.minute, reachesHub: hubAt > i && t.station !== hubStation });
			used.add(t.station);
		}
	}
	const stops = [...used].map((id) => {
		const s = raw.get(id)!;
		return { id, name: s.name, lat: s.lat, lon: s.lon };
	});
	if (hubStation && !used.has(hubStation)) {
		const s = raw.get(hubStation)!;
		stops.push({ id: hubStation, name: s.name, lat: s.lat, lon: s.lon });
	}
	return { serviceDate: day(best.date), hubStopId: hubStation, stops, departures };
}
