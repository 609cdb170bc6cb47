// Staff book the inspection of an offer by phone (issue 17, item 2): a landlord's offer is
// not sent in before they have given a phone number on their account — the database
// refuses (submit_dwelling, hint landlord_phone_missing), the form says so with the way to
// the account page — and staff's page of the dwelling names the landlord with e-mail and
// phone, and shows the deposit, size and furnishing. The phone is in the data download and
// goes with the account.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { Client, location } from '../helpers/http';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

const unique = () => randomUUID().slice(0, 8);

/** a verified landlord of the test's own, without a phone number, logged in */
async function landlord() {
	const email = `ring-${unique()}@example.no`;
	const name = `Rita Ringjer ${unique()}`;
	const { data, error } = await serviceClient()
		.from('users')
		.insert({ email, display_name: name, password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
		.select('id')
		.single();
	if (error) throw error;
	const { error: roleError } = await serviceClient().from('user_roles').insert({ user_id: data.id, role: 'landlord' });
	if (roleError) throw roleError;
	const client = new Client(app.url);
	expect((await client.login(email)).status).toBe(303);
	return { id: data.id, email, name, client };
}

/** the offer form as a browser posts it, complete, with a deposit, a size and furnishing */
const form = (street: string) => ({
	...Object.fromEntries(Object.entries(COMPLETE_OFFER).map(([k, v]) => [k, String(v)])),
	street,
	// not in the demo's address register: sent in as typed ("did you mean" answered)
	address_choice: 'typed',
	deposit_nok: '23000',
	size_m2: '74',
	furnished: 'partly',
	fire_safety_confirmed: 'on'
});

const offersOn = async (street: string) => (await serviceClient().from('dwellings').select('id, status').eq('street', street)).data ?? [];

describe('a landlord without a phone number', () => {
	it('cannot send in an offer: the database refuses, and nothing is saved', async () => {
		const l = await landlord();
		const street = `Ringevegen ${unique()}`;
		const { data, error } = await serviceClient().rpc('save_and_submit_dwelling', {
			p_dwelling: null as unknown as string,
			p_landlord: l.id,
			p_fields: form(street)
		});
		expect(data).toBeNull();
		expect(error?.hint).toBe('landlord_phone_missing');
		expect(await offersOn(street)).toEqual([]);

		// a draft sent in by itself (submit_dwelling, as "offer it again" does) is refused too
		const { data: draft } = await serviceClient()
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, street, landlord_id: l.id, status: 'draft' })
			.select('id')
			.single();
		const { error: submitError } = await serviceClient().rpc('submit_dwelling', { p_dwelling: draft!.id });
		expect(submitError?.hint).toBe('landlord_phone_missing');
		expect((await offersOn(street)).map((d) => d.status)).toEqual(['draft']);
	});

	it('is told so on the offer form, with a link to where the phone is given, and can send once it is', async () => {
		const l = await landlord();
		const street = `Telefonvegen ${unique()}`;
		// before filling anything in: the way to the account page
		const blank = await (await l.client.get('/landlord/dwellings/new')).text();
		expect(blank).toContain('href="/account#phone"');

		const refused = await l.client.post('/landlord/dwellings/new?/submit', form(street));
		expect(refused.status).toBe(409);
		const html = await refused.text();
		expect(html).toContain('Tilbodet er ikkje sendt inn: du har ikkje gitt oss telefonnummeret ditt.');
		expect(html).toContain('href="/account#phone"');
		// what was typed is kept
		expect(html).toContain(`value="${street}"`);
		expect(await offersOn(street)).toEqual([]);

		// the account page: the phone field, a bad number said next to it, a good one stored
		const account = await (await l.client.get('/account')).text();
		expect(account).toContain('id="phone"');
		const bad = await l.client.post('/account?/phone', { phone: 'ring meg' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Telefonnummeret kan berre ha tal, mellomrom og +.');
		const empty = await l.client.post('/account?/phone', { phone: '  ' });
		expect(empty.status).toBe(400);
		const saved = await l.client.post('/account?/phone', { phone: '+47 912 34 567' });
		expect(saved.status).toBe(200);
		expect(await saved.text()).toContain('Telefonnummeret er lagra.');
		const { data: user } = await serviceClient().from('users').select('phone').eq('id', l.id).single();
		expect(user!.phone).toBe('+47 912 34 567');

		const sent = await l.client.post('/landlord/dwellings/new?/submit', form(street));
		expect(sent.status).toBe(303);
		expect(location(sent)).toMatch(/^\/landlord\/dwellings\/[0-9a-f-]{36}\?submitted$/);
		expect((await offersOn(street)).map((d) => d.status)).toEqual(['submitted']);
		expect(await (await l.client.get('/landlord/dwellings/new')).text()).not.toContain('href="/account#phone"');
	});

	it('is refused the phone action when not a landlord (only landlords keep their phone here)', async () => {
		const volunteer = new Client(app.url);
		await volunteer.login('frivillig@example.no');
		expect((await volunteer.post('/account?/phone', { phone: '+47 900 00 000' })).status).toBe(403);
	});
});

describe('staff’s page of a landlord’s dwelling', () => {
	it('names the landlord with e-mail and phone, and shows the deposit, size and furnishing', async () => {
		const l = await landlord();
		await serviceClient().from('users').update({ phone: '+47 934 56 789' }).eq('id', l.id);
		const street = `Synfaringsvegen ${unique()}`;
		expect((await l.client.post('/landlord/dwellings/new?/submit', form(street))).status).toBe(303);
		const [offer] = await offersOn(street);

		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const res = await staff.get(`/staff/dwellings/${offer.id}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(l.name);
		expect(html).toContain(`href="mailto:${l.email}"`);
		expect(html).toContain('href="tel:+4793456789"');
		expect(html).toContain('+47 934 56 789');
		expect(html).toMatch(/Depositum \(kr\)<\/th><td>23[\s\u00a0\u202f]000<\/td>/);
		expect(html).toMatch(/Storleik \(m²\)<\/th><td>74<\/td>/);
		expect(html).toMatch(/Møblert[^<]*<\/th><td>Delvis<\/td>/);
	});
});

describe('the phone and the landlord’s own data', () => {
	it('is in the data download, and goes with the account', async () => {
		const l = await landlord();
		expect((await l.client.post('/account?/phone', { phone: '+47 955 55 555' })).status).toBe(200);
		const download = await l.client.get('/account/data.json');
		expect(download.status).toBe(200);
		expect(((await download.json()) as { account: { phone: string } }).account.phone).toBe('+47 955 55 555');

		expect(location(await l.client.post('/account?/delete', { current_password: 'busett-demo-2026' }))).toBe('/?deleted');
		const { data } = await serviceClient().from('users').select('id').eq('phone', '+47 955 55 555');
		expect(data).toEqual([]);
	});
});
