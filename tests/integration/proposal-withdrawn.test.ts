// Withdrawing a proposal (issue 17, item 5): staff's withdrawal, also after the landlord's
// yes, mails the landlord in their language with the link to the proposal, and that link
// then says the proposal was withdrawn instead of "page not found". The landlord's page
// lists what waits for their answer; a confirmed (let) or withdrawn proposal leaves it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { waitingHousehold } from '../helpers/households';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
let staff: Client;
beforeAll(async () => {
	app = await startApp(appEnv());
	staff = new Client(app.url);
	await staff.login('sakshandsamar@fjordvik.kommune.no');
});
afterAll(() => app?.stop());

const unique = () => randomUUID().slice(0, 8);

/** a landlord of the test's own, in the language given, logged in */
async function landlord(locale: 'en' | 'nn') {
	const email = `trekk-${unique()}@example.no`;
	const { data, error } = await serviceClient()
		.from('users')
		.insert({
			email,
			display_name: 'Tor Trekt',
			phone: '+47 900 22 333',
			locale,
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
	const street = `Trekkvegen ${unique()}`;
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, beds: 6, max_occupants: 6, street, landlord_id: landlordId, status: 'submitted' })
		.select('id')
		.single();
	if (error) throw error;
	await serviceClient().from('dwellings').update({ status: 'approved' }).eq('id', data.id);
	return { id: data.id, address: `${street}, ${COMPLETE_OFFER.place}` };
}

/** staff propose the offer for a waiting household (propose_match, as the household's page calls it); the match's id */
async function propose(dwellingId: string) {
	const household = await waitingHousehold('TREKK');
	const { data, error } = await serviceClient().rpc('propose_match', {
		p_household: household,
		p_dwelling: dwellingId,
		p_staff: await staffId(),
		p_score: 1,
		p_reasons: []
	});
	if (error) throw error;
	return { household, match: data };
}

describe('a proposal staff withdraw', () => {
	it('after the landlord’s yes: mails the landlord in their language, and the link says it was withdrawn', async () => {
		const l = await landlord('en');
		const offer = await approvedOffer(l.id);
		const { household, match } = await propose(offer.id);
		expect(location(await l.client.post(`/landlord/proposals/${match}?/accept`))).toBe(`/landlord/proposals/${match}?accepted`);

		expect(location(await staff.post(`/staff/households/${household}?/cancel`, { match_id: match }))).toBe(
			`/staff/households/${household}?cancelled`
		);
		const { data: after } = await serviceClient().from('dwellings').select('status').eq('id', offer.id).single();
		expect(after!.status).toBe('approved');

		// in English, the landlord's language, with the link to the proposal
		const mail = await mailTo(l.email, /^The municipality has withdrawn a proposal$/);
		expect(mail.text).toContain(`The municipality has withdrawn the proposal of a family for ${offer.address}.`);
		const path = mail.text.match(/\/landlord\/proposals\/[0-9a-f-]{36}/)![0];
		expect(path).toBe(`/landlord/proposals/${match}`);

		// the link shows what happened, not "page not found", and offers no answer
		const page = await l.client.get(path);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('The municipality has withdrawn this proposal.');
		expect(html).not.toContain('action="?/accept"');
		expect(html).not.toContain('Adults');

		// a yes sent from a page left open meanwhile lands on that page, not on "page not found"
		const late = await l.client.post(`/landlord/proposals/${match}?/accept`);
		expect(location(late)).toBe(`/landlord/proposals/${match}`);
		const { data: m } = await serviceClient().from('matches').select('status').eq('id', match).single();
		expect(m!.status).toBe('cancelled');

		// and it is no longer on the landlord's page
		expect(await (await l.client.get('/landlord')).text()).not.toContain(`/landlord/proposals/${match}`);
	});

	it('before the landlord answers: mails them in Nynorsk', async () => {
		const l = await landlord('nn');
		const offer = await approvedOffer(l.id);
		const { household, match } = await propose(offer.id);
		expect(location(await staff.post(`/staff/households/${household}?/cancel`, { match_id: match }))).toBe(
			`/staff/households/${household}?cancelled`
		);
		const mail = await mailTo(l.email, /^Kommunen har trekt tilbake eit forslag$/);
		expect(mail.text).toContain(`/landlord/proposals/${match}`);
		expect(await (await l.client.get(`/landlord/proposals/${match}`)).text()).toContain('Kommunen har trekt tilbake dette forslaget.');
	});
});

describe('the landlord’s “waiting for your answer” list', () => {
	it('lists a proposal waiting for their answer, apart one they said yes to, and drops it once confirmed', async () => {
		const l = await landlord('nn');
		const waiting = await approvedOffer(l.id);
		const answered = await approvedOffer(l.id);
		const { match: open } = await propose(waiting.id);
		const { match: yes } = await propose(answered.id);
		expect((await l.client.post(`/landlord/proposals/${yes}?/accept`)).status).toBe(303);

		const before = await (await l.client.get('/landlord')).text();
		const lists = before.split('Du har sagt ja – kommunen skal stadfeste');
		expect(lists).toHaveLength(2);
		expect(lists[0]).toContain('Ventar på svar frå deg');
		expect(lists[0]).toContain(`/landlord/proposals/${open}`);
		expect(lists[0]).not.toContain(`/landlord/proposals/${yes}`);
		expect(lists[1]).toContain(`/landlord/proposals/${yes}`);

		// confirmed: the home is let, and the proposal leaves the lists (its page stays)
		const { data: confirmed, error } = await serviceClient().rpc('confirm_match', { p_match: yes, p_staff: await staffId() });
		expect(error).toBeNull();
		expect(confirmed).toBe(true);
		const after = await (await l.client.get('/landlord')).text();
		expect(after).not.toContain(`/landlord/proposals/${yes}`);
		expect(after).not.toContain('Du har sagt ja – kommunen skal stadfeste');
		expect(after).toContain(`/landlord/proposals/${open}`);
		expect((await l.client.get(`/landlord/proposals/${yes}`)).status).toBe(200);
	});
});

async function staffId() {
	const { data } = await serviceClient().from('users').select('id').eq('email', 'sakshandsamar@fjordvik.kommune.no').single();
	return data!.id;
}
