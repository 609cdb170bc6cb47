import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { volunteers } from '../helpers/tasks';

const HOUR = 3600_000;

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

// a Saturday at 10:00 in Norway, some weeks ahead, with a place name of its own
async function task(over: Record<string, unknown> = {}): Promise<{ id: string; locality: string }> {
	const start = new Date(Date.now() + 21 * 24 * HOUR);
	start.setUTCDate(start.getUTCDate() + ((6 - start.getUTCDay() + 7) % 7));
	start.setUTCHours(8, 0, 0, 0);
	const locality = `Testbygd-${randomUUID().slice(0, 6)}`;
	const { data, error } = await serviceClient()
		.from('tasks')
		.insert({
			type: 'move_in',
			title: `Innflytting ${locality}`,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + 3 * HOUR).toISOString(),
			locality,
			address: 'Løynvegen 7',
			needed_languages: ['ti'],
			volunteers_needed: 2,
			...over
		})
		.select('id')
		.single();
	if (error) throw error;
	return { id: data.id, locality };
}

async function staff(): Promise<Client> {
	const client = new Client(app.url);
	await client.login('sakshandsamar@fjordvik.kommune.no');
	return client;
}

/** invite through the staff page, then read the links from the mail the volunteer got */
async function invite(taskId: string, people: { id: string; email: string }[]) {
	const res = await (
		await staff()
	).post(
		`/staff/tasks/${taskId}/volunteers?/invite`,
		people.map((p) => ['volunteer', p.id])
	);
	expect(location(res)).toBe(`/staff/tasks/${taskId}/volunteers?invited=${people.length}`);
	return Promise.all(
		people.map(async (p) => {
			const mail = await mailTo(p.email, /Kan du hjelpe til/);
			const link = (answer: string) => mail.text.match(new RegExp(`/task-invitation/[a-z0-9.]+/${answer}`))![0];
			return { accept: link('accept'), decline: link('decline'), mail };
		})
	);
}

const signupOf = async (taskId: string, volunteerId: string) =>
	(await serviceClient().from('signups').select('status').eq('task_id', taskId).eq('volunteer_id', volunteerId).maybeSingle()).data
		?.status ?? null;

describe('suggested volunteers', () => {
	it('puts the volunteer who speaks the language, helps in the place and is free first, with the reasons in words', async () => {
		const t = await task();
		const [good, plain] = await volunteers(2);
		// one row at a time: in one insert, the keys one row lacks would be null in it
		expect(
			(
				await serviceClient()
					.from('volunteer_profiles')
					.insert({ user_id: good.id, localities: [t.locality], availability: { sat: ['morning', 'afternoon'] } })
			).error
		).toBeNull();
		expect((await serviceClient().from('volunteer_profiles').insert({ user_id: plain.id })).error).toBeNull();
		expect(
			(await serviceClient().from('volunteer_languages').insert({ user_id: good.id, language: 'ti', level: 'native' })).error
		).toBeNull();
		const html = await (await (await staff()).get(`/staff/tasks/${t.id}/volunteers`)).text();
		const first = html.match(/name="volunteer" value="([0-9a-f-]{36})"/)![1];
		expect(first).toBe(good.id);
		expect(html).toContain(`Hjelper til i ${t.locality}`);
		expect(html).toContain('Snakkar tigrinja');
		expect(html).toContain('Ledig på denne tida etter vekeplanen sin');
	});
});

describe('invitations', () => {
	it('arrive by mail with links that sign the volunteer up without logging in, once only', async () => {
		const t = await task();
		const [p] = await volunteers(1);
		const [links] = await invite(t.id, [p]);
		expect(links.mail.text).toContain(t.locality);

		const anonymous = new Client(app.url);
		const page = await anonymous.get(links.accept);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Ja, meld meg på');
		// opening the link changes nothing; the button does
		expect(await signupOf(t.id, p.id)).toBeNull();
		const done = await anonymous.post(links.accept);
		expect(await done.text()).toContain('Du er påmeld oppdraget');
		expect(await signupOf(t.id, p.id)).toBe('confirmed');

		const again = await anonymous.post(links.accept);
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('Du har alt svart på denne invitasjonen');
		expect(await (await anonymous.get(links.decline)).text()).toContain('Du har alt svart på denne invitasjonen');
		expect(await signupOf(t.id, p.id)).toBe('confirmed');

		const staffPage = await (await (await staff()).get(`/staff/tasks/${t.id}/volunteers`)).text();
		expect(staffPage).toContain('Sa ja: er med');
		// already on the task: not suggested again
		expect(staffPage).not.toContain(`value="${p.id}"`);
	});

	it('waitlist whoever accepts a task that is already full', async () => {
		const t = await task({ volunteers_needed: 1 });
		const [a, b] = await volunteers(2);
		const [la, lb] = await invite(t.id, [a, b]);
		const anonymous = new Client(app.url);
		expect(await (await anonymous.post(la.accept)).text()).toContain('Du er påmeld oppdraget');
		expect(await (await anonymous.post(lb.accept)).text()).toContain('du står på ventelista');
		expect([await signupOf(t.id, a.id), await signupOf(t.id, b.id)]).toEqual(['confirmed', 'waitlisted']);
		expect(await (await (await staff()).get(`/staff/tasks/${t.id}/volunteers`)).text()).toContain('Sa ja: står på ventelista');
	});

	it('record a decline, and the volunteer is not signed up', async () => {
		const t = await task();
		const [p] = await volunteers(1);
		const [links] = await invite(t.id, [p]);
		const res = await new Client(app.url).post(links.decline);
		expect(await res.text()).toContain('Vi har notert at du ikkje kan denne gongen');
		const { data } = await serviceClient().from('task_invitations').select('answer, answered_at').eq('task_id', t.id).single();
		expect(data!.answer).toBe('declined');
		expect(data!.answered_at).not.toBeNull();
		expect(await signupOf(t.id, p.id)).toBeNull();
		expect(await (await (await staff()).get(`/staff/tasks/${t.id}/volunteers`)).text()).toContain('Sa nei');
	});

	it('refuse an expired or forged link with a clear message, and sign nobody up', async () => {
		const t = await task();
		const [p, q] = await volunteers(2);
		const [expired, forged] = await invite(t.id, [p, q]);
		await serviceClient()
			.from('task_invitations')
			.update({ expires_at: new Date(Date.now() - 60_000).toISOString() })
			.eq('volunteer_id', p.id);
		const anonymous = new Client(app.url);
		expect(await (await anonymous.get(expired.accept)).text()).toContain('Invitasjonen har gått ut');
		expect((await anonymous.post(expired.accept)).status).toBe(400);
		expect(await signupOf(t.id, p.id)).toBeNull();

		const wrongSecret = forged.accept.replace(/\.([a-z0-9]{24})\//, '.abcdefghijkmnpqrstuvwxyz/');
		expect(await (await anonymous.get(wrongSecret)).text()).toContain('Lenkja er ikkje gyldig');
		expect((await anonymous.post(wrongSecret)).status).toBe(400);
		expect(await signupOf(t.id, q.id)).toBeNull();
	});

	it('say why accepting was refused by the sign-up rules, and leave the link usable', async () => {
		const t = await task({ requires_police_certificate: true });
		const [p] = await volunteers(1);
		const [links] = await invite(t.id, [p]);
		const res = await new Client(app.url).post(links.accept);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('kommunen har ikkje sett ein gyldig politiattest');
		expect(await signupOf(t.id, p.id)).toBeNull();
		const { data } = await serviceClient().from('task_invitations').select('answered_at').eq('task_id', t.id).single();
		expect(data!.answered_at).toBeNull();
	});
});
