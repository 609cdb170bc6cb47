// What a landlord may do with an offer has one home, public.dwelling_actions: the dwelling
// page shows its form and buttons from it, and the database refuses the rest. For every
// status: what the page offers is exactly what the database then does, and both are
// what dwelling_actions says.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Constants, type Database } from '../../src/lib/database.types';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { Client } from '../helpers/http';
import { DEMO_HASH } from '../helpers/tasks';

type Status = Database['public']['Enums']['dwelling_status'];
type Action = Database['public']['Enums']['dwelling_action'];

// the status changes that bring a new offer to each status, as staff and matching make them
const PATH: Record<Status, Status[]> = {
	draft: [],
	submitted: ['submitted'],
	approved: ['submitted', 'approved'],
	needs_changes: ['submitted', 'needs_changes'],
	rejected: ['submitted', 'rejected'],
	proposed: ['submitted', 'approved', 'proposed'],
	let: ['submitted', 'approved', 'proposed', 'let'],
	withdrawn: ['withdrawn']
};

// the offer form as the landlord's browser sends it, with a new rent
const form = {
	// not in the demo's address register: sent in as typed ("did you mean" answered)
	address_choice: 'typed',
	street: COMPLETE_OFFER.street,
	postcode: COMPLETE_OFFER.postcode,
	place: COMPLETE_OFFER.place,
	locality: COMPLETE_OFFER.locality,
	bedrooms: '2',
	beds: '3',
	max_occupants: '3',
	rent_nok: '9500',
	available_from: COMPLETE_OFFER.available_from,
	furnished: 'no',
	description: '',
	fire_safety_confirmed: 'on'
};

let app: RunningApp;
let landlord: { id: string; client: Client };
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	const email = `handling-${randomUUID().slice(0, 8)}@example.no`;
	const { data, error } = await serviceClient()
		.from('users')
		.insert({
			email,
			display_name: 'Hanna Handling',
			phone: '+47 900 11 223',
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
});
afterAll(() => app?.stop());

async function dwellingIn(status: Status): Promise<string> {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street: `Handlingsvegen ${randomUUID().slice(0, 6)}`, landlord_id: landlord.id, status: 'draft' })
		.select('id')
		.single();
	if (error) throw error;
	for (const step of PATH[status]) {
		const { error: stepError } = await db.from('dwellings').update({ status: step }).eq('id', data.id);
		if (stepError) throw stepError;
	}
	return data.id;
}

const row = async (id: string) => (await serviceClient().from('dwellings').select('status, rent_nok').eq('id', id).single()).data!;

/** what the page offers: the offer form, a way to send it in (with the form or alone), withdrawing */
async function offered(status: Status): Promise<Set<Action>> {
	const html = await (await landlord.client.get(`/landlord/dwellings/${await dwellingIn(status)}`)).text();
	const shown = new Set<Action>();
	if (html.includes('formaction="?/save"')) shown.add('edit');
	if (html.includes('formaction="?/submit"') || html.includes('action="?/reoffer"')) shown.add('submit');
	if (html.includes('action="?/withdraw"')) shown.add('withdraw');
	return shown;
}

/** what the database lets the landlord do, each tried on an offer of its own in that status */
async function done(status: Status): Promise<Set<Action>> {
	const did = new Set<Action>();
	const edited = await dwellingIn(status);
	const saved = await landlord.client.post(`/landlord/dwellings/${edited}?/save`, form);
	if (saved.status === 303 && (await row(edited)).rent_nok === 9500) did.add('edit');
	else expect([400, 409]).toContain(saved.status);

	const sent = await dwellingIn(status);
	const sending = await landlord.client.post(`/landlord/dwellings/${sent}?/reoffer`);
	if (sending.status === 303 && (await row(sent)).status === 'submitted') did.add('submit');
	else expect(sending.status).toBe(409);

	const withdrawn = await dwellingIn(status);
	const withdrawing = await landlord.client.post(`/landlord/dwellings/${withdrawn}?/withdraw`);
	if (withdrawing.status === 303 && (await row(withdrawn)).status === 'withdrawn') did.add('withdraw');
	else expect(withdrawing.status).toBe(409);
	return did;
}

describe('a landlord’s offer', () => {
	for (const status of Constants.public.Enums.dwelling_status) {
		it(`offers on the page, when ${status}, exactly what the database then allows`, async () => {
			const { data, error } = await serviceClient().rpc('dwelling_actions', { p_status: status });
			expect(error).toBeNull();
			const allowed = [...data!].sort();
			expect([...(await offered(status))].sort()).toEqual(allowed);
			expect([...(await done(status))].sort()).toEqual(allowed);
		});
	}

	it('can be changed, sent in and withdrawn in some status (the test can see each)', async () => {
		const all = new Set<string>();
		for (const status of Constants.public.Enums.dwelling_status) {
			const { data } = await serviceClient().rpc('dwelling_actions', { p_status: status });
			for (const a of data!) all.add(a);
		}
		expect([...all].sort()).toEqual([...Constants.public.Enums.dwelling_action].sort());
	});
});
