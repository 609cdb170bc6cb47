import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/stack/migrate.ts';
import * as notifications from '../../src/lib/server/db/notifications';
import { EnqueueError } from '../../src/lib/server/db/notifications';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { address, closeTransports, sink, to, until, worker } from '../helpers/mail';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
	for (const fn of cleanup.splice(0).reverse()) await fn();
	closeTransports();
});

const verify = (to: string, key = `test:${to}`, locale: 'nn' | 'en' = 'en') =>
	notifications.enqueue({
		to,
		template: 'verify_email',
		locale,
		payload: { name: 'Kari', token: 'abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr' },
		key
	});

async function row(id: string) {
	const { data, error } = await serviceClient().from('notifications').select('*').eq('id', id).single();
	if (error) throw error;
	return data;
}

async function drain(w: ReturnType<typeof worker>) {
	let sent = 0;
	for (;;) {
		const round = await w.runOnce();
		sent += round.sent;
		if (round.claimed === 0) return sent;
	}
}

describe('the mail outbox', () => {
	it('delivers a queued mail to the SMTP server with its template’s subject, body and language', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const recipient = address();
		const id = (await verify(recipient, undefined, 'en'))!;
		expect((await row(id)).status).toBe('queued');

		await drain(worker(smtp.smtpUrl));

		const [mail] = to(smtp.messages(), new Set([recipient]));
		expect(mail.subject).toBe('Confirm your e-mail address');
		expect(mail.text).toContain('Hello Kari,');
		expect(mail.text).toContain('http://localhost:5173/verify/abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr');
		expect(mail.html).toContain('lang="en"');
		expect(mail.headers['x-busett-notification']).toBe(id);
		const sent = await row(id);
		expect(sent.status).toBe('sent');
		expect(sent.sent_at).not.toBeNull();
	});

	it('writes in Nynorsk to a recipient whose language is Nynorsk', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const recipient = address();
		await verify(recipient, undefined, 'nn');
		await drain(worker(smtp.smtpUrl));
		const [mail] = to(smtp.messages(), new Set([recipient]));
		expect(mail.subject).toBe('Stadfest e-postadressa di');
		expect(mail.text).toContain('Hei Kari,');
	});

	it('queues one mail for the same idempotency key given twice', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const recipient = address();
		const first = await verify(recipient, `event:${recipient}`);
		const second = await verify(recipient, `event:${recipient}`);
		expect(first).toBeTypeOf('string');
		expect(second).toBeNull();
		await drain(worker(smtp.smtpUrl));
		expect(to(smtp.messages(), new Set([recipient]))).toHaveLength(1);
	});

	it('rejects an invalid recipient address when queuing, so it never reaches SMTP', async () => {
		const key = `invalid:${Date.now()}`;
		await expect(verify('not-an-address', key)).rejects.toThrow(EnqueueError);
		await expect(verify('kari@', key)).rejects.toThrow(EnqueueError);
		const { count } = await serviceClient().from('notifications').select('*', { count: 'exact', head: true }).eq('idempotency_key', key);
		expect(count).toBe(0);
	});

	it('rejects a payload its template cannot use', async () => {
		await expect(
			notifications.enqueue({
				to: address(),
				template: 'verify_email',
				locale: 'nn',
				payload: { name: 'x', token: 'not.a-token' },
				key: `bad:${Date.now()}`
			})
		).rejects.toThrow(/payload of verify_email/);
	});

	it('keeps 50 mails queued while the SMTP server is down and delivers each exactly once when it is back', async () => {
		const first = await sink();
		const ports = first.ports;
		await first.stop();

		const recipients = Array.from({ length: 50 }, () => address('down'));
		const ids = await Promise.all(recipients.map((r) => verify(r)));
		const w = worker(first.smtpUrl);
		cleanup.push(w.stop);

		// a round of the worker: it tries, finds the server gone, and hands the mails back untried
		const round = await w.runOnce();
		expect(round.claimed).toBeGreaterThan(0);
		expect(round.released).toBe(round.claimed);
		const { data: waiting } = await serviceClient()
			.from('notifications')
			.select('status, attempts')
			.in('id', ids as string[]);
		expect(waiting).toHaveLength(50);
		expect(waiting!.every((n) => n.status === 'queued' && n.attempts === 0)).toBe(true);

		const back = await sink(ports);
		cleanup.push(back.stop);
		w.start();
		const received = await until('all 50 mails', () => {
			const mine = to(back.messages(), new Set(recipients));
			return mine.length >= 50 ? mine : undefined;
		});
		// every row sent and the worker stopped: no duplicate can still be on its way
		await until('rows marked sent', async () => {
			const { data } = await serviceClient()
				.from('notifications')
				.select('status')
				.in('id', ids as string[]);
			return data!.every((n) => n.status === 'sent') || undefined;
		});
		await w.stop();
		expect(to(back.messages(), new Set(recipients))).toHaveLength(50);
		expect(new Set(received.map((m) => m.to[0])).size).toBe(50);
	});

	it('sends each mail exactly once with two workers running at once', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const recipients = Array.from({ length: 100 }, () => address('two'));
		await Promise.all(recipients.map((r) => verify(r)));

		const a = worker(smtp.smtpUrl, { id: 'worker-a', batchSize: 10 });
		const b = worker(smtp.smtpUrl, { id: 'worker-b', batchSize: 10 });
		const [sentByA, sentByB] = await Promise.all([drain(a), drain(b)]);

		const mine = to(smtp.messages(), new Set(recipients));
		expect(mine).toHaveLength(100);
		expect(new Set(mine.map((m) => m.headers['x-busett-notification'])).size).toBe(100);
		expect(sentByA + sentByB).toBe(100);
		expect(sentByA).toBeGreaterThan(0);
		expect(sentByB).toBeGreaterThan(0);
	});

	it('fails only the row whose address the server refuses for good (5xx), with the error recorded', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const good = [address(), address()];
		const bad = address('reject');
		const goodIds = await Promise.all(good.map((r) => verify(r)));
		const badId = (await verify(bad))!;

		await drain(worker(smtp.smtpUrl));

		expect(to(smtp.messages(), new Set([...good, bad]))).toHaveLength(2);
		const failed = await row(badId);
		expect(failed.status).toBe('failed');
		expect(failed.last_error).toMatch(/550/);
		for (const id of goodIds) expect((await row(id!)).status).toBe('sent');
	});

	it('tries again later when the server refuses for now (4xx)', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const id = (await verify(address('defer')))!;
		const before = Date.now();
		await drain(worker(smtp.smtpUrl));
		const deferred = await row(id);
		expect(deferred.status).toBe('queued');
		expect(deferred.attempts).toBe(1);
		expect(deferred.last_error).toMatch(/451/);
		const wait = new Date(deferred.next_attempt_at).getTime() - before;
		// one minute, give or take the ten per cent jitter
		expect(wait).toBeGreaterThan(50_000);
		expect(wait).toBeLessThan(70_000);
	});

	it('gives up after the last retry', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const id = (await verify(address('defer')))!;
		// with no retries left, the first temporary refusal is the last word
		await drain(worker(smtp.smtpUrl, { retryDelaysMs: [] }));
		expect((await row(id)).status).toBe('failed');
	});

	it('reclaims a mail left in sending by a crashed worker once its lease has run out', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const recipient = address('crash');
		const id = (await verify(recipient))!;
		// a worker claims the mail and dies without a word
		const claimed = await notifications.claim('crashed-worker', 100, 1);
		expect(claimed.map((n) => n.id)).toContain(id);

		const w = worker(smtp.smtpUrl);
		expect((await w.runOnce()).claimed).toBe(0);
		await new Promise((r) => setTimeout(r, 1100));
		await drain(w);
		expect(to(smtp.messages(), new Set([recipient]))).toHaveLength(1);
		expect((await row(id)).status).toBe('sent');
	});

	it('queues nothing of a category the address unsubscribed from, but still essential mail', async () => {
		const recipient = address();
		const { error } = await serviceClient().rpc('opt_out_of_mail', { p_email: recipient, p_category: 'reminders' });
		expect(error).toBeNull();
		const reminder = await notifications.enqueue({
			to: recipient,
			template: 'task_reminder',
			locale: 'nn',
			payload: {
				name: 'Kari',
				title: 'Hente møblar',
				starts_at: new Date().toISOString(),
				ends_at: new Date().toISOString(),
				locality: 'Lid',
				task_id: randomUUID()
			},
			key: `reminder:${recipient}`
		});
		expect(reminder).toBeNull();
		expect(await verify(recipient)).toBeTypeOf('string');
	});

	it('lets staff retry a failed mail, and counts the outbox by status', async () => {
		const smtp = await sink();
		cleanup.push(smtp.stop);
		const id = (await verify(address('reject')))!;
		await drain(worker(smtp.smtpUrl));
		expect((await row(id)).status).toBe('failed');
		expect((await notifications.failed()).map((n) => n.id)).toContain(id);
		const before = await notifications.counts();

		expect(await notifications.retry(id)).toBe(true);
		const retried = await row(id);
		expect(retried.status).toBe('queued');
		expect(retried.attempts).toBe(0);
		const after = await notifications.counts();
		expect(after.failed).toBe(before.failed - 1);
		expect(after.queued).toBe(before.queued + 1);
		await drain(worker(smtp.smtpUrl));
	});
});

describe('npm run worker', () => {
	it('sends queued mail from a process of its own, without serving HTTP', async () => {
		const env = stackEnv();
		const child = spawn(process.execPath, ['scripts/worker.ts'], {
			cwd: ROOT,
			env: {
				PATH: process.env.PATH,
				SUPABASE_URL: env.supabaseUrl,
				SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
				SMTP_URL: env.smtpUrl,
				ORIGIN: 'http://localhost:5173',
				APP_SECRET: env.appSecret
			},
			stdio: 'ignore'
		});
		cleanup.push(async () => child.kill('SIGTERM'));
		const recipient = address('alone');
		await verify(recipient);
		const mails = await until('the mail in the stack’s SMTP sink', async () => {
			const res = await fetch(`${env.mailboxUrl}/messages?to=${encodeURIComponent(recipient)}`);
			const list = (await res.json()) as { subject: string }[];
			return list.length ? list : undefined;
		});
		expect(mails.map((m) => m.subject)).toEqual(['Confirm your e-mail address']);
		// SIGTERM stops it cleanly (the worker hands back what it holds), well within 10 s
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		const t0 = Date.now();
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(Date.now() - t0).toBeLessThan(10_000);
	});
});
