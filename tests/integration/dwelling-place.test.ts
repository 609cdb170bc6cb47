// Issue 19 over HTTP, as a browser without JavaScript uses it: the offer form's "did you mean"
// against the address register, its suggestions as JSON, staff placing a dwelling the
// register lacks, a district other than the boundary's only with a reason, and the admin's
// upload of the boundaries. The stack
// holds the demo's register, timetable and boundaries (scripts/geodata/demo.ts).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoGeodata } from '../../scripts/geodata/demo-files.ts';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER, passedInspection } from '../helpers/dwellings';
import { Client, location } from '../helpers/http';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
let landlord: { id: string; client: Client };
let staff: Client;

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	const email = `stad-${randomUUID().slice(0, 8)}@example.no`;
	const { data, error } = await serviceClient()
		.from('users')
		.insert({
			email,
			display_name: 'Stina Stad',
			phone: '+47 900 22 334',
			password_hash: DEMO_HASH,
			email_verified_at: new Date().toISOString()
		})
		.select('id')
		.single();
	if (error) throw error;
	await serviceClient().from('user_roles').insert({ user_id: data.id, role: 'landlord' });
	const client = new Client(app.url);
	expect((await client.login(email)).status).toBe(303);
	landlord = { id: data.id, client };
	staff = new Client(app.url);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(() => app?.stop());

// the offer form as the browser sends it, for an address in Nesheim
const offer = (street: string, extra: Record<string, string> = {}) => ({
	street,
	postcode: '5916',
	place: 'Nesheim',
	locality: 'Nesheim',
	bedrooms: '2',
	beds: '3',
	max_occupants: '3',
	rent_nok: '9500',
	available_from: '2027-03-01',
	furnished: 'no',
	description: '',
	fire_safety_confirmed: 'on',
	...extra
});

const offersOf = async (id: string) =>
	(
		await serviceClient()
			.from('dwellings')
			.select('id, street, postcode, lat, placed_by, address_id, district:districts(name)')
			.eq('landlord_id', id)
	).data!;

async function registerAddress(street: string, postcode: string) {
	const { data, error } = await serviceClient()
		.from('addresses')
		.select('id, lat, lon')
		.eq('street', street)
		.eq('postcode', postcode)
		.single();
	if (error) throw error;
	return data;
}

async function districtId(name: string) {
	const { data, error } = await serviceClient().from('districts').select('id').eq('name', name).single();
	if (error) throw error;
	return data.id;
}

async function dwellingAt(street: string, postcode: string, place: string, status: 'draft' | 'submitted' = 'draft') {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street, postcode, place, locality: place, status: 'draft' })
		.select('id')
		.single();
	if (error) throw error;
	if (status === 'submitted') {
		const { error: sendError } = await serviceClient().from('dwellings').update({ status }).eq('id', data.id);
		if (sendError) throw sendError;
	}
	return data.id;
}

describe('the offer form and the address register', () => {
	it('asks "did you mean" for a misspelt street, with the register’s address, and stores nothing', async () => {
		const res = await landlord.client.post('/landlord/dwellings/new?/submit', offer('Fjordvegn 3'));
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Fann ikkje adressa i adresseregisteret');
		expect(html).toContain('Fjordvegen 3, 5916');
		// what was typed is kept
		expect(html).toContain('value="Fjordvegn 3"');
		expect(await offersOf(landlord.id)).toEqual([]);
	});

	it('takes the register’s address when it is chosen, and places the dwelling from it', async () => {
		const chosen = await registerAddress('Fjordvegen 5', '5916');
		const res = await landlord.client.post('/landlord/dwellings/new?/submit', offer('Fjordvegn 5', { address_choice: chosen.id }));
		expect(res.status).toBe(303);
		const stored = (await offersOf(landlord.id)).find((d) => d.street === 'Fjordvegen 5');
		expect(stored).toMatchObject({ postcode: '5916', address_id: chosen.id, lat: chosen.lat, placed_by: 'register' });
		expect(stored!.district).toEqual({ name: 'Nesheim skulekrins' });
	});

	it('takes the address as typed when the landlord says so, without a point', async () => {
		const street = `Nyvegen ${randomUUID().slice(0, 4)}`;
		const res = await landlord.client.post('/landlord/dwellings/new?/submit', offer(street, { address_choice: 'typed' }));
		expect(res.status).toBe(303);
		const stored = (await offersOf(landlord.id)).find((d) => d.street === street);
		expect(stored).toMatchObject({ address_id: null, lat: null, placed_by: null });
	});

	it('asks nothing when the typed address is in the register, whatever its case and spacing', async () => {
		const res = await landlord.client.post('/landlord/dwellings/new?/submit', offer('skulevegen  7'));
		expect(res.status).toBe(303);
		const stored = (await offersOf(landlord.id)).find((d) => d.street === 'skulevegen  7');
		expect(stored).toMatchObject({ placed_by: 'register' });
	});

	it('suggests register addresses as JSON to a landlord, and to nobody without the role', async () => {
		const res = await landlord.client.get('/addresses/suggestions.json?street=Kyrkjevegen%2012&postcode=5916');
		expect(res.status).toBe(200);
		const { suggestions } = (await res.json()) as { suggestions: { id: string; street: string; postcode: string; place: string }[] };
		expect(suggestions[0]).toMatchObject({ street: 'Kyrkjevegen 12B', postcode: '5916', place: 'Nesheim' });
		expect(suggestions.length).toBeLessThanOrEqual(8);

		const volunteer = new Client(app.url);
		expect((await volunteer.login('frivillig02@example.no')).status).toBe(303);
		expect((await volunteer.get('/addresses/suggestions.json?street=Kyrkjevegen')).status).toBe(403);
		const anonymous = await new Client(app.url).get('/addresses/suggestions.json?street=Kyrkjevegen');
		expect(anonymous.status).toBe(303);
		expect(location(anonymous)).toMatch(/^\/login/);
	});
});

describe('staff placing a dwelling', () => {
	it('gives a dwelling the register lacks its point, and so its district and bus access', async () => {
		const id = await dwellingAt(`Lia ${Math.floor(Math.random() * 40) + 1}`, '5915', 'Lid');
		const near = await registerAddress('Fjordvegen 3', '5915');
		const res = await staff.post(`/staff/dwellings/${id}?/place`, { lat: String(near.lat).replace('.', ','), lon: String(near.lon) });
		expect(res.status).toBe(303);
		expect(location(res)).toBe(`/staff/dwellings/${id}?placed`);
		const { data } = await serviceClient()
			.from('dwellings')
			.select('lat, placed_by, district:districts(name), access:dwelling_bus_access(nearest_stop_name)')
			.eq('id', id)
			.single();
		expect(data).toMatchObject({ lat: near.lat, placed_by: 'staff', district: { name: 'Lid skulekrins' } });
		expect(data!.access?.nearest_stop_name).toBeTruthy();
		// the page shows it
		expect(await (await staff.get(`/staff/dwellings/${id}`)).text()).toContain('Lid skulekrins');
	});

	it('refuses a point outside Norway next to its field, keeping what was typed, and stores nothing', async () => {
		const id = await dwellingAt('Lia 44', '5915', 'Lid');
		const res = await staff.post(`/staff/dwellings/${id}?/place`, { lat: '5,1', lon: '60,8' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('value="5,1"');
		expect(html).toMatch(/aria-invalid="true"[^>]*name="lat"|name="lat"[^>]*aria-invalid="true"/);
		const { data } = await serviceClient().from('dwellings').select('lat').eq('id', id).single();
		expect(data!.lat).toBeNull();
	});

	it('is not for landlords', async () => {
		const id = await dwellingAt('Lia 45', '5915', 'Lid');
		const res = await landlord.client.post(`/staff/dwellings/${id}?/place`, { lat: '60,7', lon: '5,1' });
		expect(res.status).toBe(403);
	});
});

describe('the district at review', () => {
	it('asks for a reason before another district than the boundary’s, and keeps the reason', async () => {
		const id = await dwellingAt('Naustvegen 9', '5914', 'Straumvik', 'submitted');
		await passedInspection(id);
		const other = await districtId('Lid skulekrins');
		const review = { decision: 'approved', message: '', district: other, inspection_date: '', staff_note: '' };

		const refused = await staff.post(`/staff/dwellings/${id}?/review`, { ...review, district_reason: '' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('name="district_reason"');
		const before = await serviceClient().from('dwellings').select('status, district:districts(name)').eq('id', id).single();
		expect(before.data).toMatchObject({ status: 'submitted', district: { name: 'Straumvik skulekrins' } });

		const reason = 'Familien har born i Lid skule frå før.';
		const done = await staff.post(`/staff/dwellings/${id}?/review`, { ...review, district_reason: reason });
		expect(done.status).toBe(303);
		const after = await serviceClient().from('dwellings').select('status, district_reason, district:districts(name)').eq('id', id).single();
		expect(after.data).toMatchObject({ status: 'approved', district_reason: reason, district: { name: 'Lid skulekrins' } });
		// and the dwelling's audit trail says who moved it from which district, and why
		const { data: logged, error } = await serviceClient()
			.from('audit_log')
			.select('actor_id, before, after')
			.eq('entity', 'dwelling')
			.eq('entity_id', id)
			.eq('action', 'update')
			.not('after->>district_reason', 'is', null);
		expect(error).toBeNull();
		expect(logged).toHaveLength(1);
		expect(logged![0].actor_id).toEqual(expect.any(String));
		expect(logged![0].before).toMatchObject({ district_id: await districtId('Straumvik skulekrins'), district_reason: null });
		expect(logged![0].after).toMatchObject({ district_id: other, district_reason: reason });
	});

	it('needs no reason for the boundary’s own district, and clears one kept before', async () => {
		const id = await dwellingAt('Naustvegen 11', '5914', 'Straumvik', 'submitted');
		await passedInspection(id);
		const own = await districtId('Straumvik skulekrins');
		const res = await staff.post(`/staff/dwellings/${id}?/review`, {
			decision: 'approved',
			message: '',
			district: own,
			inspection_date: '',
			staff_note: '',
			district_reason: 'ikkje naudsynt'
		});
		expect(res.status).toBe(303);
		const { data } = await serviceClient().from('dwellings').select('district_reason, district:districts(name)').eq('id', id).single();
		expect(data).toMatchObject({ district_reason: null, district: { name: 'Straumvik skulekrins' } });
	});
});

describe('the admin’s upload of the districts’ boundaries', () => {
	const demoBoundaries = () => readFileSync(writeDemoGeodata(mkdtempSync(join(tmpdir(), 'busett-boundaries-'))).districts, 'utf8');
	const upload = (client: Client, name: string, text: string) => {
		const body = new FormData();
		body.append('file', new File([text], name, { type: 'application/geo+json' }));
		return fetch(`${app.url}/staff/districts?/boundaries`, {
			method: 'POST',
			body,
			headers: { origin: app.url, accept: 'text/html', cookie: `busett_session=${client.cookie('busett_session')}` },
			redirect: 'manual'
		});
	};
	const boundaries = async () => (await serviceClient().from('districts').select('name, boundary').order('name')).data;
	let admin: Client;
	beforeAll(async () => {
		admin = new Client(app.url);
		expect((await admin.login('admin@fjordvik.kommune.no')).status).toBe(303);
	});

	it('loads the municipality’s GeoJSON and says what it changed', async () => {
		const text = demoBoundaries();
		const count = (JSON.parse(text) as { features: unknown[] }).features.length;
		const res = await upload(admin, 'skulekrinsar.geojson', text);
		expect(res.status).toBe(303);
		// the demo's own file again: every district found by its name, nothing added or lost
		expect(res.headers.get('location')).toBe(`/staff/districts?boundaries=0.${count}.0.0#boundaries-title`);
		const page = await (await admin.get(`/staff/districts?boundaries=0.${count}.0.0`)).text();
		expect(page).toContain(`${count} krinsar har grense (0 nye)`);
	});

	it('refuses a broken polygon with the file and its line, and changes nothing', async () => {
		const before = await boundaries();
		// the demo's file has a feature a line: line 6 is the second (Lid), its ring left open
		const lines = demoBoundaries().split('\n');
		const lid = JSON.parse(lines[5].replace(/,$/, ''));
		lid.geometry.coordinates[0].pop();
		lines[5] = JSON.stringify(lid) + ',';
		const text = lines.join('\n');
		const res = await upload(admin, 'krinsar-feil.geojson', text);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('krinsar-feil.geojson, line 6: feature 2:');
		expect(html).toContain('ingenting er endra');
		expect(html).toMatch(/id="boundaries-file"[^>]*aria-invalid="true"/);
		expect(await boundaries()).toEqual(before);
	});

	it('is for admins only: a caseworker is refused and nothing is loaded', async () => {
		const res = await upload(staff, 'skulekrinsar.geojson', '{"type": "FeatureCollection", "features": []}');
		expect(res.status).toBe(403);
		const { count } = await serviceClient().from('districts').select('*', { count: 'exact', head: true }).not('boundary', 'is', null);
		expect(count).toBeGreaterThan(0);
	});
});
