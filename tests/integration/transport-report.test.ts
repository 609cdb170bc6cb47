// Issue 19, item 6, over HTTP: the report for the transport authority counts, per locality,
// the dwellings offered and settled more than a 1,000 m walk from a stop with at least 20
// weekday departures, and the persons affected — a page and a CSV, counts only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/server/files/households-csv';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { Client } from '../helpers/http';
import { livingIn } from '../helpers/households';

let app: RunningApp;
let staff: Client;

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	staff = new Client(app.url);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(() => app?.stop());

type Status = 'approved' | 'let' | 'withdrawn';

/** a dwelling of the locality with the given status, placed at a point (null: not placed) */
async function dwelling(locality: string, n: number, status: Status, at: [number, number] | null, occupants = 3) {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		// a street the register does not know: the dwelling has no point until one is set
		.insert({ ...COMPLETE_OFFER, street: `Bussløysa ${n}`, locality, max_occupants: occupants, beds: occupants, status: 'submitted' })
		.select('id')
		.single();
	if (error) throw error;
	const point = at ? { lat: at[0], lon: at[1] } : {};
	// placed on review; a let dwelling goes on through a proposal, as the lifecycle wants
	const path = status === 'let' ? (['approved', 'proposed', 'let'] as const) : [status];
	for (const [i, step] of path.entries()) {
		const { error } = await db
			.from('dwellings')
			.update({ status: step, ...(i === 0 ? point : {}) })
			.eq('id', data.id);
		expect(error).toBeNull();
	}
	return data.id;
}

/** the demo feed's busiest stop: a dwelling on it is close to a frequent bus */
async function busiestStop(): Promise<[number, number]> {
	const { data, error } = await serviceClient()
		.from('bus_stops')
		.select('lat, lon, departures')
		.order('departures', { ascending: false })
		.limit(1)
		.single();
	if (error) throw error;
	expect(data.departures).toBeGreaterThanOrEqual(20);
	return [data.lat, data.lon];
}

// far out in the sea west of the demo municipality: no stop within a 3 km walk
const NOWHERE: [number, number] = [60.9, 4.2];

describe('the transport report', () => {
	it('counts per locality the offers and homes far from a frequent bus, with the places and persons affected', async () => {
		const locality = `Busslaus-${Date.now() % 100000}`;
		const near = await busiestStop();
		const ids = [
			await dwelling(locality, 1, 'approved', near),
			await dwelling(locality, 2, 'approved', NOWHERE, 4),
			await dwelling(locality, 3, 'approved', NOWHERE, 2),
			await dwelling(locality, 4, 'approved', null),
			// withdrawn: no longer offered, not counted
			await dwelling(locality, 5, 'withdrawn', NOWHERE)
		];
		const far = await dwelling(locality, 6, 'let', NOWHERE);
		const close = await dwelling(locality, 7, 'let', near);
		const households = [await livingIn(far, 3), await livingIn(close, 2)];

		const res = await staff.get('/staff/reports/transport');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(locality);
		// counts only: no address of the locality's dwellings is on the page
		expect(html).not.toContain('Bussløysa');

		const csv = await staff.get('/staff/reports/transport.csv');
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		const rows = parseCsv(await csv.text());
		const row = rows.find((r) => r[0] === locality);
		// offered 4 (approved), 2 far with room for 6; settled 2, 1 far with 3 persons; 1 without a point
		expect(row?.slice(1).map(Number)).toEqual([4, 2, 6, 2, 1, 3, 1]);
		// the totals line adds up every locality
		const body = rows.slice(1, -1);
		const total = rows.at(-1)!;
		for (const column of [1, 2, 3, 4, 5, 6, 7]) expect(Number(total[column])).toBe(body.reduce((n, r) => n + Number(r[column]), 0));

		const db = serviceClient();
		await db.from('matches').update({ status: 'cancelled' }).in('household_id', households);
		await db.from('households').update({ status: 'cancelled' }).in('id', households);
		await db
			.from('dwellings')
			.update({ status: 'withdrawn' })
			.in('id', [...ids, far, close]);
	});
});
