// Mail preferences (issue 17, item 21): the account page's choices are the opt-outs the
// one-click unsubscribe writes, and the outbox honours them when it queues; SQL knows each
// template's category as templates.ts does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/lib/server/auth/tokens';
import { queue } from '../../src/lib/server/db/reminders';
import { MAIL_CATEGORIES } from '../../src/lib/schemas/choices';
import { templates } from '../../src/lib/server/mail/templates';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client } from '../helpers/http';
import { seedId } from '../helpers/seed';
import { HOUR, signUp, task, volunteers } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

const db = () => serviceClient();
const optOuts = async (email: string) =>
	((await db().from('mail_opt_outs').select('category').eq('email', email)).data ?? []).map((r) => r.category).sort();
const count = async (email: string, template: string) =>
	(await db().from('notifications').select('*', { count: 'exact', head: true }).eq('recipient', email).eq('template', template)).count;

async function loggedIn(email: string) {
	const client = new Client(app.url);
	expect((await client.login(email)).status).toBe(303);
	return client;
}

describe('the account page’s mail choices', () => {
	it('shows each kind of mail the person can get, ticked unless they opted out of it', async () => {
		const [v] = await volunteers(1);
		await db().rpc('opt_out_of_mail', { p_email: v.email, p_category: 'task_invitations' });
		const html = await (await (await loggedIn(v.email)).get('/account')).text();
		expect(html).toMatch(/<input[^>]*name="wanted"[^>]*value="reminders"[^>]*checked/);
		expect(html).toMatch(/<input[^>]*name="wanted"[^>]*value="task_invitations"(?![^>]*checked)[^>]*>/);
		expect(html).toContain('Påminningar om oppdrag');
		// a volunteer offers no home: no choice about "still available?" checks
		expect(html).not.toContain('value="availability_checks"');
	});

	it('saves the choices, and the outbox honours them: no reminder after opting out, one again after subscribing again', async () => {
		const [v] = await volunteers(1);
		const client = await loggedIn(v.email);
		const saved = await client.post('/account?/mail', [
			['wanted', 'task_invitations'],
			['wanted', 'newsletters']
		]);
		expect(saved.status).toBe(200);
		expect(await saved.text()).toContain('E-postvala dine er lagra.');
		expect(await optOuts(v.email)).toEqual(['reminders']);

		const soon = await task({ volunteers_needed: 1 }, 20 * HOUR);
		expect((await signUp(soon, v.id)).data).toBe('confirmed');
		await queue();
		expect(await count(v.email, 'task_reminder')).toBe(0);
		// essential mail still goes: the sign-up's confirmation
		expect(await count(v.email, 'signup_confirmed')).toBe(1);

		expect((await client.post('/account?/mail', [['wanted', 'reminders']])).status).toBe(200);
		expect(await optOuts(v.email)).toEqual(['newsletters', 'task_invitations']);
		await queue();
		expect(await count(v.email, 'task_reminder')).toBe(1);
	});

	it('refuses a kind of mail it does not know, and changes nothing', async () => {
		const [v] = await volunteers(1);
		const client = await loggedIn(v.email);
		expect((await client.post('/account?/mail', [['wanted', 'account_mail']])).status).toBe(400);
		expect(await optOuts(v.email)).toEqual([]);
	});

	it('leaves the kinds it does not show alone: a volunteer’s save keeps an unsubscribe from “still available?” mail', async () => {
		const [v] = await volunteers(1);
		await db().rpc('opt_out_of_mail', { p_email: v.email, p_category: 'availability_checks' });
		const client = await loggedIn(v.email);
		expect((await client.post('/account?/mail', [['wanted', 'reminders']])).status).toBe(200);
		expect(await optOuts(v.email)).toEqual(['availability_checks', 'newsletters', 'task_invitations']);
	});
});

describe('opting out of task invitations', () => {
	it('leaves the volunteer out of staff’s invitations, which count only those invited', async () => {
		const [out, inn] = await volunteers(2);
		await db().rpc('opt_out_of_mail', { p_email: out.email, p_category: 'task_invitations' });
		const later = await task({ volunteers_needed: 2 }, 100 * HOUR);
		const invitation = (volunteerId: string) => {
			const t = newToken();
			return { volunteer_id: volunteerId, token_id: t.id, secret_hash: Buffer.from(t.secretHash).toString('hex'), token: t.token };
		};
		const { data, error } = await db().rpc('invite_volunteers', {
			p_task: later,
			p_staff: seedId('user:staff'),
			p_invitations: [invitation(out.id), invitation(inn.id)]
		});
		expect(error).toBeNull();
		expect(data).toBe(1);
		expect(await count(out.email, 'task_invitation')).toBe(0);
		expect(await count(inn.email, 'task_invitation')).toBe(1);
		const { data: row } = await db()
			.from('notifications')
			.select('category')
			.eq('recipient', inn.email)
			.eq('template', 'task_invitation')
			.single();
		expect(row?.category).toBe('task_invitations');
	});
});

describe('the categories of mail in SQL', () => {
	it('are those of templates.ts: the list one may choose from, and each template’s', async () => {
		const { data: all } = await db().rpc('mail_categories');
		expect(all).toEqual([...MAIL_CATEGORIES]);
		for (const [name, template] of Object.entries(templates)) {
			const { data, error } = await db().rpc('mail_category_of', { p_template: name });
			expect(error).toBeNull();
			expect([name, data]).toEqual([name, template.category]);
		}
	});
});
