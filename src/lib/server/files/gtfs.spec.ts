import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseGtfs } from './gtfs';

// a small feed: a station with two platforms and one stop; two trips on Tuesdays
function feed(stopTimes: string[], extra: Record<string, string> = {}) {
	const files: Record<string, string> = {
		'stops.txt': [
			'stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station',
			'S,Sentrum,60.5,5.2,1,',
			'S-A,Sentrum A,60.5,5.2,0,S',
			'S-B,Sentrum B,60.5,5.2001,0,S',
			'K,Kaien,60.51,5.21,0,'
		].join('\n'),
		'trips.txt': ['route_id,service_id,trip_id', 'R,TU,t1', 'R,TU,t2', 'R,SA,t3'].join('\n'),
		'stop_times.txt': ['trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type', ...stopTimes].join('\n'),
		'calendar.txt': [
			'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
			'TU,0,1,0,0,0,0,0,20270101,20270131',
			'SA,0,0,0,0,0,1,0,20270101,20270131'
		].join('\n'),
		...extra
	};
	return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe('parseGtfs', () => {
	it('counts departures at the station, not at the last stop of a trip or where nobody may board', () => {
		const zip = feed([
			't1,06:00:00,06:00:00,K,1,0,0',
			't1,06:05:00,06:05:00,S-A,2,0,0',
			't2,25:10:00,25:10:00,S-B,1,1,0', // no pickup
			't2,25:15:00,25:15:00,K,2,0,0',
			't3,09:00:00,09:00:00,K,1,0,0',
			't3,09:05:00,09:05:00,S-A,2,0,0'
		]);
		const result = parseGtfs('f.zip', zip, 'Sentrum');
		// the first Tuesday of January 2027 is the 5th; t3 runs on Saturdays only
		expect(result.serviceDate).toBe('2027-01-05');
		expect(result.hubStopId).toBe('S');
		expect(result.departures).toEqual([{ stopId: 'K', tripId: 't1', minute: 360, reachesHub: true }]);
		expect(result.stops.map((s) => s.id).sort()).toEqual(['K', 'S']);
	});

	it('keeps a time past midnight as minutes after the service day began', () => {
		const zip = feed(['t2,25:10:00,25:10:00,K,1,0,0', 't2,25:15:00,25:15:00,S-B,2,0,0']);
		expect(parseGtfs('f.zip', zip).departures).toEqual([{ stopId: 'K', tripId: 't2', minute: 25 * 60 + 10, reachesHub: false }]);
	});

	it('names the member and line of a stop time at an unknown stop, and an empty member', () => {
		expect(() => parseGtfs('f.zip', feed(['t1,06:00:00,06:00:00,X,1,0,0']))).toThrow(
			'f.zip: stop_times.txt, line 2: stop_id X is not a stop in stops.txt'
		);
		const none = feed([], { 'calendar.txt': '' });
		expect(() => parseGtfs('f.zip', none)).toThrow('f.zip: calendar.txt: the file is empty');
	});
});
