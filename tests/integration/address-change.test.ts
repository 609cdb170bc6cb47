// Mail belongs to the person it was for, not to whoever holds its address today: an
// address freed by a change of address can be registered by anyone, who must not find the
// previous owner's mails — a confirmed match's contact person among them — in their data
// download. Against the real stack, the production build and its mail worker.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { until } from '../helpers/mail';
import { linkIn, mailsTo } from '../helpers/mailbox';
import { seedId } from '../helpers/seed';
import { COMPLETE_OFFER } from '../helpers/dwellings';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }));
});
afterAll(() => app?.stop());

const unique = () => randomUUID().slice(0, 8);
const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const PASSWORD = 'ein lang nok setning';
const STAFF = seedId('user:staff');

/** the path of the newest link to `path` in the mails to an address, once there are more than `seen` */
async function newestLink(address: string, path: string, seen = 0): Promise<string> {
	const mails = await until(`a new ${path} link to ${address}`, async () => {
		const withLink = (await mailsTo(address)).filter((mail) => mail.text.includes(`${path}/`));
		return withLink.length > seen ? withLink : undefined;
	});
	// the sink lists the newest first
	return linkIn(mails[0], path);
}

/** a landlord or volunteer registered through the app, with the address verified from the mail (unless told not to) */
async function registered(role: 'landlord' | 'volunteer', email: string, name: string, verify = true) {
	const client = new Client(app.url, uniqueIp());
	const verifyLinksBefore = (await mailsTo(email)).filter((mail) => mail.text.includes('/verify/')).length;
	expect((await client.post('/register', { role, display_name: name, email, password: PASSWORD })).status).toBeLessThan(400);
	const { data: user } = await serviceClient().from('users').select('id').eq('email', email).single();
	// verified from another browser (the registering one would be logged in by the link): then logged in by password
	if (verify) {
		const elsewhere = new Client(app.url, uniqueIp());
		expect(location(await elsewhere.post(await newestLink(email, '/verify', verifyLinksBefore)))).toMatch(/^\/login/);
	}
	expect((await client.login(email, PASSWORD)).status).toBe(303);
	return { client, id: user!.id as string, verifyLinksBefore };
}

type Row = { id: string; template: string; status: string; recipient: string; payload: Record<string, unknown>; user_id: string | null };
/** the outbox rows to these addresses (by address: this test also runs where mails had no owner) */
async function mailsAt(...addresses: string[]): Promise<Row[]> {
	const { data, error } = await serviceClient()
		.from('notifications')
		.select('id, template, status, recipient, payload, user_id')
		.in('recipient', addresses);
	if (error) throw error;
	return data as Row[];
}

/** a confirmed match of the landlord's offer: the landlord's "match confirmed" mail carries the contact person */
async function confirmedMatch(landlordId: string, contact: { name: string; phone: string }) {
	const db = serviceClient();
	const { data: dwelling, error } = await db
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, landlord_id: landlordId, status: 'submitted', street: `Flyttevegen ${unique()}` })
		.select('id')
		.single();
	if (error) throw error;
	await db.from('dwellings').update({ status: 'approved' }).eq('id', dwelling.id);
	const { data: household } = await db
		.from('households')
		.insert({
			imdi_reference: `FLYTT-${unique()}`,
			category: 'resettlement',
			contact_name: contact.name,
			contact_phone: contact.phone,
			expected_arrival: '2027-06-01'
		})
		.select('id')
		.single();
	await db.from('household_members').insert({ household_id: household!.id, age_band: 'adult' });
	const { data: matchId, error: proposed } = await db.rpc('propose_match', {
		p_household: household!.id,
		p_dwelling: dwelling.id,
		p_staff: STAFF,
		p_score: 1,
		p_reasons: []
	});
	expect(proposed).toBeNull();
	await db.rpc('answer_proposal', { p_match: matchId!, p_landlord: landlordId, p_accept: true, p_reason: '' });
	expect((await db.rpc('confirm_match', { p_match: matchId!, p_staff: STAFF })).data).toBe(true);
}

describe('the data download after an address changes hands', () => {
	it('gives a new holder of an address none of the previous owner’s mails, and the owner keeps theirs', async () => {
		const oldAddress = `flyttar-${unique()}@example.no`;
		const newAddress = `flytta-${unique()}@example.no`;
		const contact = { name: `Kontakt Flyttesak ${unique()}`, phone: `+47 4${Math.floor(1000000 + Math.random() * 8999999)}` };

		// A, a landlord, has mails at the old address: a proposal, and a confirmed match with the contact person
		const a = await registered('landlord', oldAddress, `Anna Flyttar ${unique()}`);
		await confirmedMatch(a.id, contact);
		await until('A’s mails sent', async () => {
			const rows = await mailsAt(oldAddress);
			const confirmed = rows.find((r) => r.template === 'match_confirmed');
			return confirmed?.status === 'sent' && rows.every((r) => r.status === 'sent') ? rows : undefined;
		});
		// and one that is still waiting (due tomorrow) when A moves
		const { data: waiting, error } = await serviceClient()
			.from('notifications')
			.insert({
				recipient: oldAddress,
				template: 'signup_confirmed',
				payload: {
					name: 'Anna',
					title: 'Ventande',
					starts_at: '2027-01-01T10:00:00Z',
					ends_at: '2027-01-01T12:00:00Z',
					locality: 'Lid',
					task_id: randomUUID()
				},
				idempotency_key: `waiting:${unique()}`,
				next_attempt_at: new Date(Date.now() + 24 * 3600_000).toISOString()
			})
			.select('id')
			.single();
		expect(error).toBeNull();

		// A moves to a new address, confirmed from the mail sent there
		const moved = await a.client.post('/account?/email', { email: newAddress, current_password: PASSWORD });
		expect(moved.status).toBe(200);
		expect(location(await a.client.post(await newestLink(newAddress, '/verify')))).toBe('/account?verified');

		// what went to the old address keeps no content; what waited follows A
		const afterMove = await mailsAt(oldAddress, newAddress);
		expect(afterMove.map((r) => r.template)).toEqual(expect.arrayContaining(['proposal_waiting', 'match_confirmed', 'email_change']));
		// but the notice of the change itself, written for the old address, which it goes to
		const notice = afterMove.find((r) => r.template === 'email_changed');
		expect(notice).toMatchObject({ recipient: oldAddress, user_id: a.id, payload: { new_email: newAddress } });
		for (const row of afterMove.filter((r) => r.recipient === oldAddress && r !== notice)) expect(row.payload, row.template).toEqual({});
		expect(afterMove.find((r) => r.id === waiting!.id)).toMatchObject({ recipient: newAddress, payload: { title: 'Ventande' } });

		// B registers the freed address and does not verify it: no download, and the page says why
		const b = await registered('volunteer', oldAddress, `Bjørn Nykomar ${unique()}`, false);
		const refused = await b.client.get('/account/data.json');
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('Stadfest e-postadressa di først');
		const page = await (await b.client.get('/account')).text();
		expect(page).not.toContain('href="/account/data.json"');
		expect(page).toContain('Stadfest e-postadressa di først, så kan du laste ned opplysningane.');

		// verified, B gets a download with B's own mail and nothing of A's
		expect(location(await b.client.post(await newestLink(oldAddress, '/verify', b.verifyLinksBefore)))).toMatch(/^\/(login|account)/);
		expect((await b.client.login(oldAddress, PASSWORD)).status).toBe(303);
		const download = await b.client.get('/account/data.json');
		expect(download.status).toBe(200);
		const text = await download.text();
		const bData = JSON.parse(text);
		expect(bData.account.id).toBe(b.id);
		expect(bData.notifications.map((n: { template: string }) => n.template)).toEqual(['verify_email']);
		for (const secret of [contact.name, contact.phone, a.id, 'match_confirmed', 'proposal_waiting', 'Anna Flyttar'])
			expect(text, secret).not.toContain(secret);

		// A's download, at the new address, holds A's mails
		const aClient = new Client(app.url, uniqueIp());
		expect((await aClient.login(newAddress, PASSWORD)).status).toBe(303);
		const aData = await (await aClient.get('/account/data.json')).json();
		const templates = aData.notifications.map((n: { template: string }) => n.template);
		expect(templates).toEqual(
			expect.arrayContaining(['verify_email', 'proposal_waiting', 'match_confirmed', 'email_change', 'signup_confirmed'])
		);
		expect(aData.notifications).toHaveLength(afterMove.length);
	});

	it('keeps a person’s mail opt-outs with them when they move, not with the address they left', async () => {
		const oldAddress = `valt-${unique()}@example.no`;
		const newAddress = `valt-ny-${unique()}@example.no`;
		const a = await registered('volunteer', oldAddress, `Vera Val ${unique()}`);
		await serviceClient().rpc('opt_out_of_mail', { p_email: oldAddress, p_category: 'reminders' });
		await a.client.post('/account?/email', { email: newAddress, current_password: PASSWORD });
		expect(location(await a.client.post(await newestLink(newAddress, '/verify')))).toBe('/account?verified');
		const { data } = await serviceClient().from('mail_opt_outs').select('email').in('email', [oldAddress, newAddress]);
		expect(data).toEqual([{ email: newAddress }]);
	});
});
