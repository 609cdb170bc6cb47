// The morning digest (issue 18, item 7): a member of staff chooses it on the account page;
// then the mails of single events to staff skip them, and from 07:00 Oslo time one mail a
// day counts what waits in their "needs action", naming nobody.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

const db = () => serviceClient();

/** a member of staff of the test's own, who can sign in with the demo password */
async function staffMember(): Promise<{ id: string; email: string }> {
	const email = `digest-${randomUUID().slice(0, 8)}@fjordvik.kommune.no`;
	const { data, error } = await db()
		.from('users')
		.insert({ email, display_name: 'Dagleg Sakshandsamar', password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
		.select('id, email')
		.single();
	if (error) throw error;
	const { error: e2 } = await db().from('user_roles').insert({ user_id: data.id, role: 'staff' });
	if (e2) throw e2;
	return data;
}

/** today in Oslo at the hour given, as an instant */
function osloToday(hour: number): string {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
	// the offset of Oslo on that day (CET or CEST)
	const probe = new Date(`${day}T12:00:00Z`);
	const oslo = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(probe));
	return new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:30:00Z`) - (oslo - 12) * 3600_000).toISOString();
}

const digestsOf = async (email: string) => {
	const { data, error } = await db()
		.from('notifications')
		.select('id, payload')
		.eq('recipient', email)
		.eq('template', 'needs_action_digest');
	if (error) throw error;
	return data;
};

describe('the daily digest', () => {
	it('is chosen on the account page, and a choice that is not offered is refused and changes nothing', async () => {
		const me = await staffMember();
		const client = new Client(app.url, `10.20.0.${Math.floor(Math.random() * 200) + 1}`);
		expect((await client.login(me.email)).status).toBe(303);
		const page = await (await client.get('/account')).text();
		expect(page).toContain('Eitt samandrag kvar morgon');
		expect((await client.post('/account?/digest', { digest: 'hourly' })).status).toBe(400);
		const read = async () => (await db().from('users').select('staff_digest').eq('id', me.id).single()).data!.staff_digest;
		expect(await read()).toBe(false);
		expect((await client.post('/account?/digest', { digest: 'daily' })).status).toBe(200);
		expect(await read()).toBe(true);
		expect((await client.post('/account?/digest', { digest: 'each' })).status).toBe(200);
		expect(await read()).toBe(false);
	});

	it('is not offered to a landlord', async () => {
		const client = new Client(app.url, `10.20.1.${Math.floor(Math.random() * 200) + 1}`);
		await client.login('utleigar02@example.no');
		expect(await (await client.get('/account')).text()).not.toContain('Eitt samandrag kvar morgon');
		expect((await client.post('/account?/digest', { digest: 'daily' })).status).toBe(403);
	});

	it('keeps the mails of single events from those who chose it, and not from the others', async () => {
		const [daily, each] = [await staffMember(), await staffMember()];
		await db().from('users').update({ staff_digest: true }).eq('id', daily.id);
		const key = `digest-test:${randomUUID()}`;
		const { data: dwelling } = await db().from('dwellings').select('id').limit(1).single();
		const { error } = await db().rpc('enqueue_to_staff', {
			p_template: 'dwelling_to_review',
			p_payload: { address: 'Testvegen 1', locality: 'Lid', dwelling_id: dwelling!.id },
			p_key: key
		});
		if (error) throw error;
		const { data: queued } = await db().from('notifications').select('recipient').like('idempotency_key', `${key}:%`);
		const recipients = queued!.map((n) => n.recipient);
		expect(recipients).toContain(each.email);
		expect(recipients).not.toContain(daily.email);
	});

	it('is queued from 07:00 once a day with the counts of their needs action, and the mail names nobody', async () => {
		const me = await staffMember();
		await db().from('users').update({ staff_digest: true }).eq('id', me.id);
		const queue = async (at: string) => {
			const { data, error } = await db().rpc('queue_staff_digests', { p_now: at });
			if (error) throw error;
			return data;
		};
		expect(await queue(osloToday(6))).toBe(0);
		expect(await digestsOf(me.email)).toHaveLength(0);
		expect(await queue(osloToday(8))).toBeGreaterThanOrEqual(1);
		await queue(osloToday(9));
		const digests = await digestsOf(me.email);
		expect(digests).toHaveLength(1);

		// the counts are those of their needs action ("mine": their households and nobody's)
		const { data: items } = await db().rpc('needs_action', { p_mine: me.id });
		const expected = new Map<string, number>();
		for (const i of items!) expected.set(i.kind, (expected.get(i.kind) ?? 0) + 1);
		const kinds = (digests[0].payload as { kinds: { kind: string; count: number }[] }).kinds;
		expect(new Map(kinds.map((k) => [k.kind, k.count]))).toEqual(expected);

		const mail = await mailTo(me.email, /^Treng handling: \d+ ting ventar$/);
		expect(mail.text).toContain('Opne Treng handling');
		expect(mail.text).toMatch(/https?:\/\/[^\s]+\/staff\b/);
		const names = items!.filter((i) => i.household_id && i.label).map((i) => i.label!);
		for (const name of names) expect(mail.text).not.toContain(name);
	});
});
