// Issue 19, item 5, over HTTP: the staff map's page is its table without JavaScript, and its
// layers are GeoJSON for the map; both show only what the status asks for, and no household.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { Client } from '../helpers/http';

let app: RunningApp;
let staff: Client;

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	staff = new Client(app.url);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(() => app?.stop());

/** a dwelling of the given status that staff placed at a point */
async function placed(street: string, status: 'approved' | 'withdrawn', lat: number, lon: number) {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		// a locality of its own that sorts first, so the dwelling is on the table's first page
		.insert({ ...COMPLETE_OFFER, street, locality: `Akart-${street.replace(/\D/g, '')}`, status: 'submitted' })
		.select('id')
		.single();
	if (error) throw error;
	expect((await db.from('dwellings').update({ status, lat, lon }).eq('id', data.id)).error).toBeNull();
	return data.id;
}

describe('the staff map', () => {
	it('is a table of the dwellings, districts and stops without JavaScript, and only of the status chosen', async () => {
		const stamp = Date.now() % 100000;
		const live = await placed(`Kartvegen ${stamp}`, 'approved', 60.701, 5.101);
		const gone = await placed(`Kartvegen ${stamp + 1}`, 'withdrawn', 60.702, 5.102);
		const res = await staff.get('/staff/map');
		expect(res.status).toBe(200);
		const html = await res.text();
		// the approved one is a row linking to it, with its point; the withdrawn one is not live
		expect(html).toContain(`href="/staff/dwellings/${live}"`);
		expect(html).toContain('60.70100, 5.10100');
		expect(html).not.toContain(`href="/staff/dwellings/${gone}"`);
		// every district with its places, and the busiest stops of the demo feed
		const { data: districts } = await serviceClient().from('districts').select('name');
		for (const d of districts!) expect(html).toContain(d.name);
		const { data: busiest } = await serviceClient()
			.from('bus_stops')
			.select('name')
			.order('departures', { ascending: false })
			.limit(1)
			.single();
		expect(html).toContain(busiest!.name);
		// a status chosen shows that status only
		const withdrawn = await (await staff.get('/staff/map?status=withdrawn')).text();
		expect(withdrawn).toContain(`href="/staff/dwellings/${gone}"`);
		expect(withdrawn).not.toContain(`href="/staff/dwellings/${live}"`);
		await serviceClient().from('dwellings').update({ status: 'withdrawn' }).eq('id', live);
	});

	it('gives the map its layers as GeoJSON: the dwellings as points, every stop, the boundaries', async () => {
		const id = await placed(`Lagvegen ${Date.now() % 100000}`, 'approved', 60.703, 5.103);
		const res = await staff.get('/staff/map/layers.json');
		expect(res.status).toBe(200);
		const layers = await res.json();
		const mine = layers.dwellings.features.find((f: { properties: { id: string } }) => f.properties.id === id);
		expect(mine).toMatchObject({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [5.103, 60.703] },
			properties: { status: 'approved' }
		});
		// no household, landlord or note in what the map is given
		expect(Object.keys(mine.properties).sort()).toEqual(['id', 'place', 'status', 'street']);
		const { count: stops } = await serviceClient().from('bus_stops').select('*', { count: 'exact', head: true }).gt('departures', 0);
		expect(layers.stops.features).toHaveLength(stops!);
		const { count: bounded } = await serviceClient()
			.from('districts')
			.select('*', { count: 'exact', head: true })
			.not('boundary', 'is', null);
		expect(layers.districts.features).toHaveLength(bounded!);
		expect(layers.districts.features[0].geometry.type).toMatch(/^(Multi)?Polygon$/);
		await serviceClient().from('dwellings').update({ status: 'withdrawn' }).eq('id', id);
	});

	it('gives a household’s page only the dwellings it names, whatever their status', async () => {
		const stamp = Date.now() % 100000;
		const one = await placed(`Forslagsvegen ${stamp}`, 'withdrawn', 60.704, 5.104);
		const other = await placed(`Forslagsvegen ${stamp + 1}`, 'approved', 60.705, 5.105);
		const res = await staff.get(`/staff/map/layers.json?dwellings=${one},not-an-id`);
		expect(res.status).toBe(200);
		const layers = await res.json();
		expect(layers.dwellings.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual([one]);
		expect(layers.stops.features.length).toBeGreaterThan(0);
		// only the stops around it (about 3 km), not the whole feed
		for (const f of layers.stops.features as { geometry: { coordinates: [number, number] } }[]) {
			expect(Math.abs(f.geometry.coordinates[1] - 60.704)).toBeLessThanOrEqual(0.03);
			expect(Math.abs(f.geometry.coordinates[0] - 5.104)).toBeLessThanOrEqual(0.06);
		}
		await serviceClient().from('dwellings').update({ status: 'withdrawn' }).eq('id', other);
	});

	it('pages the table in SQL: each dwelling exactly once, with the total', async () => {
		const stamp = Date.now() % 100000;
		const ids = [
			await placed(`Sidevegen ${stamp}`, 'withdrawn', 60.71, 5.11),
			await placed(`Sidevegen ${stamp + 1}`, 'withdrawn', 60.72, 5.12),
			await placed(`Sidevegen ${stamp + 2}`, 'withdrawn', 60.73, 5.13)
		];
		const page = async (offset: number) => {
			const { data, error } = await serviceClient().rpc('map_data', {
				p_statuses: [],
				p_stops: 0,
				p_boundaries: false,
				p_dwellings: ids,
				p_offset: offset,
				p_limit: 2
			});
			expect(error).toBeNull();
			return data as { dwellings: { id: string }[]; placed: number };
		};
		const [first, second] = [await page(0), await page(2)];
		expect(first.placed).toBe(3);
		expect(first.dwellings).toHaveLength(2);
		expect([...first.dwellings, ...second.dwellings].map((d) => d.id).sort()).toEqual([...ids].sort());
	});

	it('is for staff: a landlord is refused the page and the layers', async () => {
		const landlord = new Client(app.url);
		expect((await landlord.login('utleigar02@example.no')).status).toBe(303);
		expect((await landlord.get('/staff/map')).status).toBe(403);
		expect((await landlord.get('/staff/map/layers.json')).status).toBe(403);
	});
});
