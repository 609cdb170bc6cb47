// What the mail tests share: an SMTP sink of their own, a worker pointed at it, and ways
// to wait for mail to arrive.
import { randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startSmtpSink, type SmtpSink, type StoredMail } from '../../scripts/stack/smtp-sink.ts';
import { createTransport } from '../../src/lib/server/mail/transport';
import { createMailWorker, type WorkerOptions } from '../../src/lib/server/mail/worker';
import { stackEnv } from './env';
import { scaled } from './time';

export async function sink(ports?: { smtp: number; http: number }): Promise<SmtpSink & { ports: { smtp: number; http: number } }> {
	const chosen = ports ?? { smtp: await freePort(), http: await freePort() };
	const started = await startSmtpSink({ smtpPort: chosen.smtp, httpPort: chosen.http });
	return { ...started, ports: chosen };
}

const transports: ReturnType<typeof createTransport>[] = [];

/** close the SMTP connections the test's workers keep open */
export function closeTransports() {
	for (const transport of transports.splice(0)) transport.close();
}

export function worker(smtpUrl: string, options: Partial<WorkerOptions> = {}) {
	const transport = createTransport(smtpUrl);
	transports.push(transport);
	return createMailWorker({
		transport,
		from: 'busett <busett@localhost>',
		origin: 'http://localhost:5173',
		secret: stackEnv().appSecret,
		pollMs: 50,
		log: () => {},
		...options
	});
}

/** a fresh address, so a test counts only its own mail */
export const address = (prefix = 't') => `${prefix}-${randomUUID().slice(0, 8)}@example.no`;

export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20000): Promise<T> {
	const deadline = Date.now() + scaled(timeoutMs);
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

export const to = (mails: StoredMail[], recipients: Set<string>) => mails.filter((m) => m.to.some((t) => recipients.has(t)));
