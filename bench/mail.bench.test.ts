// npm run bench:mail — 1,000 queued mails through the real outbox, worker and an SMTP
// server on this machine. Prints mails/s; fails only if a mail is lost or sent twice.
// Goal (issue 3): all 1,000 in ≤ 15 s on the 2-core machine.
import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { serviceClient } from '../tests/helpers/clients';
import { address, closeTransports, sink, worker } from '../tests/helpers/mail';

const COUNT = 1000;

describe('mail throughput', () => {
	it(`sends ${COUNT} queued mails, none lost, none twice`, async () => {
		const smtp = await sink();
		const run = `bench-${Date.now()}`;
		const recipients = Array.from({ length: COUNT }, () => address('bench'));
		// queued as events would queue them: rows in the outbox, each with its own key
		for (let i = 0; i < COUNT; i += 250) {
			const { error } = await serviceClient()
				.from('notifications')
				.insert(
					recipients.slice(i, i + 250).map((to, j) => ({
						recipient: to,
						template: 'verify_email',
						locale: 'nn' as const,
						payload: { name: 'Kari', token: 'abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr' },
						idempotency_key: `${run}:${i + j}`
					}))
				);
			expect(error).toBeNull();
		}

		// the worker exactly as every app instance runs it (default batch and concurrency)
		const w = worker(smtp.smtpUrl);
		const started = performance.now();
		let sent = 0;
		for (;;) {
			const round = await w.runOnce();
			sent += round.sent;
			if (round.claimed === 0) break;
		}
		const seconds = (performance.now() - started) / 1000;
		await new Promise((r) => setTimeout(r, 200));

		const mine = smtp.messages().filter((m) => m.to.some((t) => t.startsWith('bench-')));
		const unique = new Set(mine.map((m) => m.headers['x-busett-notification']));
		const lost = COUNT - unique.size;
		const duplicates = mine.length - unique.size;
		console.log(
			[
				`mail benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'})`,
				`  ${COUNT} mails in ${seconds.toFixed(2)} s = ${(COUNT / seconds).toFixed(0)} mails/s`,
				`  sent ${sent}, received ${mine.length}, lost ${lost}, duplicates ${duplicates}`,
				`  goal: all ${COUNT} in ≤ 15 s — ${seconds <= 15 ? 'met' : 'NOT met'}`
			].join('\n')
		);
		closeTransports();
		await smtp.stop();
		expect(lost).toBe(0);
		expect(duplicates).toBe(0);
		expect(sent).toBe(COUNT);
	});
});
