// An offer once it is proposed to a household: its terms hold for every writer, the
// landlord sees them as not editable, confirming re-checks that the pair still fits, and
// staff see on the review page what changed since they approved an offer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { seedId } from '../helpers/seed';
import { DEMO_HASH } from '../helpers/tasks';
import { COMPLETE_OFFER } from '../helpers/dwellings';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

const unique = () => randomUUID().slice(0, 8);
const STAFF = seedId('user:staff');

const terms = { ...COMPLETE_OFFER, street: 'Fastvegen 2' };

// the offer form as a landlord's browser sends it, with these terms
const form = (over: Record<string, string> = {}) => ({
	// not in the demo's address register: sent in as typed ("did you mean" answered)
	address_choice: 'typed',
	street: terms.street,
	postcode: terms.postcode,
	place: terms.place,
	locality: terms.locality,
	bedrooms: '2',
	beds: '3',
	max_occupants: '3',
	rent_nok: '9000',
	available_from: terms.available_from,
	furnished: 'no',
	description: '',
	fire_safety_confirmed: 'on',
	...over
});

async function landlord() {
	const email = `fast-${unique()}@example.no`;
	const { data, error } = await serviceClient()
		.from('users')
		.insert({
			email,
			display_name: 'Frida Fastsett',
			phone: '+47 900 11 224',
			password_hash: DEMO_HASH,
			email_verified_at: new Date().toISOString()
		})
		.select('id')
		.single();
	if (error) throw error;
	await serviceClient().from('user_roles').insert({ user_id: data.id, role: 'landlord' });
	const client = new Client(app.url);
	expect((await client.login(email)).status).toBe(303);
	return { id: data.id, email, client };
}

/** an approved offer of the landlord's (approved by a status change, as review does) */
async function approvedOffer(landlordId: string) {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...terms, street: `Fastvegen ${unique()}`, landlord_id: landlordId, status: 'submitted' })
		.select('id')
		.single();
	if (error) throw error;
	await serviceClient().from('dwellings').update({ status: 'approved' }).eq('id', data.id);
	return data.id;
}

async function household(adults: number) {
	const { data, error } = await serviceClient()
		.from('households')
		.insert({ imdi_reference: `FAST-${unique()}`, category: 'resettlement', contact_name: 'Fast Kontakt', expected_arrival: '2027-06-01' })
		.select('id')
		.single();
	if (error) throw error;
	await serviceClient()
		.from('household_members')
		.insert(Array.from({ length: adults }, () => ({ household_id: data.id, age_band: 'adult' as const })));
	return data.id;
}

/** proposed by staff, and (unless told not to) accepted by the landlord */
async function proposal(householdId: string, dwellingId: string, landlordId: string, accept = true) {
	const db = serviceClient();
	const { data: matchId, error } = await db.rpc('propose_match', {
		p_household: householdId,
		p_dwelling: dwellingId,
		p_staff: STAFF,
		p_score: 1,
		p_reasons: []
	});
	if (error) throw error;
	if (accept)
		expect((await db.rpc('answer_proposal', { p_match: matchId, p_landlord: landlordId, p_accept: true, p_reason: '' })).data).toBe(true);
	return matchId;
}

const row = async (id: string) => (await serviceClient().from('dwellings').select('*').eq('id', id).single()).data!;

async function staff() {
	const client = new Client(app.url);
	expect((await client.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
	return client;
}

describe('the terms of a proposed or let offer', () => {
	it('are refused to every writer, also a direct update with the service key, while status and description may change', async () => {
		const l = await landlord();
		const dwelling = await approvedOffer(l.id);
		const matchId = await proposal(await household(2), dwelling, l.id);
		const db = serviceClient();

		for (const change of [
			{ rent_nok: 9500 },
			{ bedrooms: 3 },
			{ step_free: true },
			{ street: 'Anna gata 1' },
			{ available_from: '2027-02-01' }
		]) {
			const { error } = await db.from('dwellings').update(change).eq('id', dwelling);
			expect(error?.hint, JSON.stringify(change)).toBe('dwelling_frozen');
			expect(error?.message).toContain(Object.keys(change)[0]);
		}
		expect(await row(dwelling)).toMatchObject({ rent_nok: 9000, bedrooms: 2, step_free: false, status: 'proposed' });
		expect((await db.from('dwellings').update({ description: 'Nymåla.' }).eq('id', dwelling)).error).toBeNull();

		// let: the same
		expect((await db.rpc('confirm_match', { p_match: matchId, p_staff: STAFF })).data).toBe(true);
		const { error } = await db.from('dwellings').update({ max_occupants: 6 }).eq('id', dwelling);
		expect(error?.hint).toBe('dwelling_frozen');
		expect(await row(dwelling)).toMatchObject({ max_occupants: 3, status: 'let', description: 'Nymåla.' });
	});

	it('show as not editable to the landlord, and a crafted save gets 409 and stores nothing', async () => {
		const l = await landlord();
		const dwelling = await approvedOffer(l.id);
		await proposal(await household(2), dwelling, l.id);
		const before = await row(dwelling);

		const page = await (await l.client.get(`/landlord/dwellings/${dwelling}`)).text();
		expect(page).toContain('Tilbodet er foreslått for eit hushald.');
		expect(page).toContain('Tilbodet slik det står');
		expect(page).not.toContain('action="?/save"');
		expect(page).toContain('action="?/withdraw"');

		for (const action of ['save', 'submit']) {
			const res = await l.client.post(
				`/landlord/dwellings/${dwelling}?/${action}`,
				form({ street: before.street!, rent_nok: '12000', step_free: 'on' })
			);
			expect(res.status, action).toBe(409);
			expect(await res.text()).toContain('vilkåra kan ikkje endrast no. Ingenting er lagra.');
		}
		const after = await row(dwelling);
		expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null });
	});
});

describe('confirming a match', () => {
	it('refuses a pair the household has outgrown since the proposal, says why, and changes nothing', async () => {
		const l = await landlord();
		const dwelling = await approvedOffer(l.id);
		const householdId = await household(2);
		const matchId = await proposal(householdId, dwelling, l.id);
		// the household grows after the proposal: more persons than the 3 beds (plus the admin's margin)
		const { data: settings } = await serviceClient().from('municipality_settings').select('crowded_margin').single();
		const more = 3 + settings!.crowded_margin - 2 + 1;
		await serviceClient()
			.from('household_members')
			.insert(Array.from({ length: more }, () => ({ household_id: householdId, age_band: 'child' as const, age: 4 })));

		const s = await staff();
		const res = await s.post(`/staff/households/${householdId}?/confirm`, { match_id: matchId });
		expect(res.status).toBe(409);
		const text = await res.text();
		expect(text).toContain('Koplinga er ikkje stadfesta, for bustaden passar ikkje lenger for hushaldet');
		expect(text).toContain('for mange personar for sengene');
		const { data: match } = await serviceClient().from('matches').select('status').eq('id', matchId).single();
		expect(match!.status).toBe('accepted_by_landlord');
		expect((await row(dwelling)).status).toBe('proposed');
		const { data: h } = await serviceClient().from('households').select('status').eq('id', householdId).single();
		expect(h!.status).toBe('expected');
		const { count } = await serviceClient()
			.from('notifications')
			.select('*', { count: 'exact', head: true })
			.eq('idempotency_key', `match_confirmed:${matchId}`);
		expect(count).toBe(0);

		// the database says the same to any caller
		const direct = await serviceClient().rpc('confirm_match', { p_match: matchId, p_staff: STAFF });
		expect(direct.error).toMatchObject({ hint: 'pair_infeasible', details: 'too_small' });

		// back to a size that fits, it confirms
		const { data: children } = await serviceClient()
			.from('household_members')
			.select('id')
			.eq('household_id', householdId)
			.eq('age_band', 'child');
		await serviceClient()
			.from('household_members')
			.delete()
			.in(
				'id',
				children!.map((c) => c.id)
			);
		expect(location(await s.post(`/staff/households/${householdId}?/confirm`, { match_id: matchId }))).toBe(
			`/staff/households/${householdId}?confirmed`
		);
	});
});

describe('the review page', () => {
	it('shows staff what the landlord changed since the offer was approved, was → now', async () => {
		const l = await landlord();
		const dwelling = await approvedOffer(l.id);
		// the landlord changes the rent and the access: the offer goes back to review
		expect(
			location(
				await l.client.post(
					`/landlord/dwellings/${dwelling}?/save`,
					form({ street: (await row(dwelling)).street!, rent_nok: '9500', step_free: 'on' })
				)
			)
		).toBe(`/landlord/dwellings/${dwelling}?saved`);
		expect((await row(dwelling)).status).toBe('submitted');

		const html = await (await (await staff()).get(`/staff/dwellings/${dwelling}`)).text();
		expect(html).toContain('Endra sidan godkjenninga');
		const table = html.slice(html.indexOf('Endra sidan godkjenninga'));
		const cells = (label: string) => {
			const at = table.indexOf(`<th scope="row">${label}</th>`);
			expect(at, label).toBeGreaterThan(0);
			return [...table.slice(at).matchAll(/<td>([^<]*)<\/td>/g)].slice(0, 2).map((m) => m[1].replace(/\s/g, ' '));
		};
		expect(cells('Husleige per månad (kr)')).toEqual(['9 000', '9 500']);
		expect(cells('Trinnfri tilkomst (utan trapper)')).toEqual(['Nei', 'Ja']);
		// and nothing that did not change
		expect(table).not.toContain('<th scope="row">Soverom</th>');
	});

	it('shows no changes for an offer as it was approved', async () => {
		const l = await landlord();
		const dwelling = await approvedOffer(l.id);
		const html = await (await (await staff()).get(`/staff/dwellings/${dwelling}`)).text();
		expect(html).not.toContain('Endra sidan godkjenninga');
	});
});
