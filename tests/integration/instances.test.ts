// Two app instances on one stack, as behind a load balancer: all state is in Postgres,
// so sessions, rate limits, the outbox and the sign-up limit hold across them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as notifications from '../../src/lib/server/db/notifications';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { address, sink, to, until } from '../helpers/mail';
import { task, volunteers } from '../helpers/tasks';

let a: RunningApp;
let b: RunningApp;
let smtp: Awaited<ReturnType<typeof sink>>;
beforeAll(async () => {
	// an SMTP sink of this file's own, so only these two instances' workers deliver to it
	smtp = await sink();
	const env = appEnv({ SMTP_URL: smtp.smtpUrl, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
	[a, b] = await Promise.all([startApp(env), startApp(env)]);
});
afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	await smtp?.stop();
});

const uniqueIp = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('two app instances on one stack', () => {
	it('accepts on one instance a session made on the other, and a logout on either ends it on both', async () => {
		const [person] = await volunteers(1);
		const onA = new Client(a.url, uniqueIp());
		expect(location(await onA.login(person.email))).toBe('/volunteer');
		const onB = new Client(b.url, onA.ip);
		onB.setCookie('busett_session', onA.cookie('busett_session')!);
		expect((await onB.get('/volunteer')).status).toBe(200);
		expect((await onA.get('/volunteer')).status).toBe(200);
		expect((await onB.post('/logout')).status).toBe(303);
		const after = await onA.get('/volunteer');
		expect(after.status).toBe(303);
		expect(location(after)).toMatch(/^\/login/);
	});

	it('counts failed logins on both instances toward one limit', async () => {
		const [person] = await volunteers(1);
		const ip = uniqueIp();
		for (let i = 1; i <= 10; i++) {
			const app = i % 2 ? a : b;
			expect((await new Client(app.url, ip).login(person.email, `feil passord nr ${i}`)).status, `attempt ${i}`).toBe(400);
		}
		// the right password, on either instance: this address is locked out of the account for now
		expect((await new Client(a.url, ip).login(person.email)).status).toBe(429);
		expect((await new Client(b.url, ip).login(person.email)).status).toBe(429);
	});

	it('sends each queued mail exactly once while both instances run their workers', async () => {
		const recipients = Array.from({ length: 30 }, () => address('multi'));
		// in three waves, so both workers find mail to claim
		for (let wave = 0; wave < 3; wave++) {
			await Promise.all(
				recipients.slice(wave * 10, wave * 10 + 10).map((to) =>
					notifications.enqueue({
						to,
						template: 'verify_email',
						locale: 'nn',
						payload: { name: 'Kari', token: 'abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr' },
						key: `multi:${to}`
					})
				)
			);
			await new Promise((r) => setTimeout(r, 400));
		}
		const mine = new Set(recipients);
		await until('30 mails', () => to(smtp.messages(), mine).length >= 30 || undefined);
		// once every row is sent, none can be claimed and sent again
		await until('30 rows marked sent', async () => {
			const { data } = await serviceClient().from('notifications').select('status').in('recipient', recipients);
			return (data ?? []).filter((r) => r.status === 'sent').length === 30 || undefined;
		});
		const delivered = to(smtp.messages(), mine).map((m) => m.to[0]);
		expect(delivered.sort()).toEqual([...recipients].sort());
		const { data } = await serviceClient().from('notifications').select('status').in('recipient', recipients);
		expect(data!.map((r) => r.status)).toEqual(Array(30).fill('sent'));
	});

	it('confirms exactly 3 of 8 volunteers signing up at once for 3 places, the requests alternating between instances', async () => {
		const taskId = await task({ volunteers_needed: 3 });
		const people = await volunteers(8);
		const clients = await Promise.all(
			people.map(async (p, i) => {
				const client = new Client((i % 2 ? a : b).url, uniqueIp());
				expect(location(await client.login(p.email))).toBe('/volunteer');
				return client;
			})
		);
		const answers = await Promise.all(clients.map((c) => c.post(`/volunteer/tasks/${taskId}?/signup`)));
		expect(answers.map((r) => r.status)).toEqual(Array(8).fill(303));
		const { data } = await serviceClient().from('signups').select('status').eq('task_id', taskId);
		const confirmed = data!.filter((s) => s.status === 'confirmed').length;
		expect(confirmed).toBe(3);
		expect(data!.filter((s) => s.status === 'waitlisted')).toHaveLength(5);
		expect(answers.filter((r) => location(r)?.endsWith('?confirmed'))).toHaveLength(3);
	});
});
