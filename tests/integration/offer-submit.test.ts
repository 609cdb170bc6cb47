// Sending in an offer is one call (save_and_submit_dwelling): the terms are saved and the
// offer submitted in one transaction, so a refused submit leaves nothing saved — neither
// changed terms on an existing offer nor a stray draft for a new one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { Client, location } from '../helpers/http';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

/** a landlord of the test's own, verified unless told otherwise */
async function landlord(verified = true): Promise<{ id: string; email: string }> {
	const { data, error } = await serviceClient()
		.from('users')
		.insert({
			email: `utl-${randomUUID().slice(0, 8)}@example.no`,
			display_name: 'Test Utleigar',
			phone: '+47 900 11 222',
			password_hash: DEMO_HASH,
			email_verified_at: verified ? new Date().toISOString() : null
		})
		.select('id, email')
		.single();
	if (error) throw error;
	const { error: roleError } = await serviceClient().from('user_roles').insert({ user_id: data.id, role: 'landlord' });
	if (roleError) throw roleError;
	return data;
}

async function offer(landlordId: string, status: 'draft' | 'submitted', street: string): Promise<string> {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street, landlord_id: landlordId, status: 'draft' })
		.select('id')
		.single();
	if (error) throw error;
	if (status === 'submitted') {
		const { error: submitError } = await db.rpc('submit_dwelling', { p_dwelling: data.id });
		if (submitError) throw submitError;
	}
	return data.id;
}

const read = async (id: string) => (await serviceClient().from('dwellings').select('*').eq('id', id).single()).data!;

const mailsAbout = async (id: string) =>
	(await serviceClient().from('notifications').select('id').eq('template', 'dwelling_received').contains('payload', { dwelling_id: id }))
		.data!.length;

/** every field of the offer form, as the form posts them */
const FORM = {
	// not in the demo's address register: sent in as typed ("did you mean" answered)
	address_choice: 'typed',
	street: 'Heilvegen 3',
	postcode: '5915',
	place: 'Straumvik',
	locality: 'Lid',
	bedrooms: '3',
	beds: '4',
	max_occupants: '5',
	size_m2: '74',
	rent_nok: '9500',
	deposit_nok: '20000',
	rent_includes_electricity: 'on',
	rent_includes_internet: 'on',
	furnished: 'partly',
	step_free: 'on',
	floor: '4',
	lift: 'on',
	pets_allowed: 'on',
	smoking_allowed: 'on',
	available_from: '2027-02-01',
	available_until: '2028-01-31',
	min_lease_months: '12',
	bus_stop_distance_m: '250',
	bus_departures_per_weekday: '30',
	description: 'Lys stove mot sjøen.',
	fire_safety_confirmed: 'on'
};

describe('sending in an offer', () => {
	it('saves every field of the form and sends the offer in, in one call', async () => {
		const me = await landlord();
		const id = await offer(me.id, 'draft', 'Utkastvegen 1');
		const client = new Client(app.url);
		await client.login(me.email);
		const res = await client.post(`/landlord/dwellings/${id}?/submit`, FORM);
		expect(location(res)).toBe(`/landlord/dwellings/${id}?submitted`);
		const row = await read(id);
		expect(row).toMatchObject({
			status: 'submitted',
			landlord_id: me.id,
			street: 'Heilvegen 3',
			postcode: '5915',
			place: 'Straumvik',
			locality: 'Lid',
			bedrooms: 3,
			beds: 4,
			max_occupants: 5,
			size_m2: 74,
			rent_nok: 9500,
			deposit_nok: 20000,
			rent_includes_electricity: true,
			rent_includes_internet: true,
			furnished: 'partly',
			step_free: true,
			floor: 4,
			lift: true,
			pets_allowed: true,
			smoking_allowed: true,
			available_from: '2027-02-01',
			available_until: '2028-01-31',
			min_lease_months: 12,
			bus_stop_distance_m: 250,
			bus_departures_per_weekday: 30,
			description: 'Lys stove mot sjøen.',
			fire_safety_confirmed: true
		});
		expect(await mailsAbout(id)).toBe(1);
	});

	it('saves the floor and the lift posted without JavaScript, and shows them on the staff page; a blank floor is "unknown"', async () => {
		const me = await landlord();
		const id = await offer(me.id, 'draft', 'Etasjevegen 1');
		const client = new Client(app.url);
		await client.login(me.email);
		// the form has both fields, and says how floors are numbered
		const form = await (await client.get(`/landlord/dwellings/${id}`)).text();
		expect(form).toContain('name="floor"');
		expect(form).toContain('name="lift"');
		expect(form).toContain('1 = 1. etasje, på gateplan');
		// a plain post of the form, as a browser without JavaScript sends it
		expect(location(await client.post(`/landlord/dwellings/${id}?/save`, { ...FORM, floor: '3', lift: 'on' }))).toBe(
			`/landlord/dwellings/${id}?saved`
		);
		expect(await read(id)).toMatchObject({ status: 'draft', floor: 3, lift: true });
		// an unticked checkbox posts nothing
		const noLift = Object.fromEntries(Object.entries(FORM).filter(([name]) => name !== 'lift'));
		expect(location(await client.post(`/landlord/dwellings/${id}?/submit`, { ...noLift, floor: '' }))).toBe(
			`/landlord/dwellings/${id}?submitted`
		);
		expect(await read(id)).toMatchObject({ status: 'submitted', floor: null, lift: false });
		// out of range is refused by the form
		const high = await client.post(`/landlord/dwellings/${id}?/save`, { ...FORM, floor: '99' });
		expect(high.status).toBe(400);

		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const row = (html: string, name: string) => html.match(new RegExp(`<th scope="row">${name}</th>\\s*<td>([^<]*)</td>`))?.[1];
		let page = await (await staff.get(`/staff/dwellings/${id}`)).text();
		expect(row(page, 'Etasje')).toBe('ukjend');
		expect(row(page, 'Det er heis til bustaden')).toBe('Nei');
		await serviceClient().from('dwellings').update({ floor: 1, lift: true }).eq('id', id);
		page = await (await staff.get(`/staff/dwellings/${id}`)).text();
		expect(row(page, 'Etasje')).toBe('1. etasje');
		expect(row(page, 'Det er heis til bustaden')).toBe('Ja');
	});

	it('saves nothing when the submit is refused: the terms of an offer already sent in stay as they were', async () => {
		const me = await landlord();
		const id = await offer(me.id, 'submitted', 'Fyrstevegen 1');
		const before = await read(id);
		const client = new Client(app.url);
		await client.login(me.email);
		// a submitted offer cannot be sent in again (dwelling_actions has no 'submit' for it)
		const res = await client.post(`/landlord/dwellings/${id}?/submit`, { ...FORM, street: 'Endravegen 2' });
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(html).toContain('Du kan ikkje gjere dette med tilbodet no.');
		// what was typed is kept on the page, but not in the database
		expect(html).toContain('value="Endravegen 2"');
		const after = await read(id);
		expect(after.street).toBe('Fyrstevegen 1');
		expect(after).toEqual(before);
		expect(await mailsAbout(id)).toBe(1);
	});

	it('leaves no draft behind when a new offer cannot be sent in (a landlord not yet verified)', async () => {
		const me = await landlord(false);
		const street = `Uverifisert ${randomUUID().slice(0, 6)}`;
		const { data, error } = await serviceClient().rpc('save_and_submit_dwelling', {
			p_dwelling: null as unknown as string,
			p_landlord: me.id,
			p_fields: { ...COMPLETE_OFFER, street }
		});
		expect(data).toBeNull();
		expect(error?.hint).toBe('unverified');
		const { count } = await serviceClient().from('dwellings').select('*', { count: 'exact', head: true }).eq('landlord_id', me.id);
		expect(count).toBe(0);
	});

	it('finds nothing for another landlord’s offer, and takes only the form’s fields from what is posted', async () => {
		const [me, other] = await Promise.all([landlord(), landlord()]);
		const theirs = await offer(other.id, 'draft', 'Andrevegen 5');
		const { data: none, error: noneError } = await serviceClient().rpc('save_and_submit_dwelling', {
			p_dwelling: theirs,
			p_landlord: me.id,
			p_fields: { ...COMPLETE_OFFER, street: 'Kapra 1' }
		});
		expect(noneError).toBeNull();
		expect(none).toBeNull();
		expect((await read(theirs)).street).toBe('Andrevegen 5');

		const mine = await offer(me.id, 'draft', 'Eigevegen 1');
		const { data, error } = await serviceClient().rpc('save_and_submit_dwelling', {
			p_dwelling: mine,
			p_landlord: me.id,
			p_fields: { ...COMPLETE_OFFER, status: 'approved', landlord_id: other.id, staff_note: 'sett', approved_terms: {} }
		});
		expect(error).toBeNull();
		expect(data).toBe(mine);
		const row = await read(mine);
		expect(row).toMatchObject({ status: 'submitted', landlord_id: me.id, staff_note: '', approved_terms: null });
	});
});
