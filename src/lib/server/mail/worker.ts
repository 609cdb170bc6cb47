// The mail worker: claims due mails from the outbox (`for update skip locked`, so any
// number of workers in any number of app instances share the work and no mail is sent
// twice), renders and sends them with nodemailer, and records each outcome:
// - accepted by the SMTP server: sent;
// - refused for good (5xx) or impossible to render: failed, with the error;
// - refused for now (4xx): tried again later (backoff.ts), failed after the last try;
// - the SMTP server unreachable: handed back untried, the worker waits and tries again,
//   so nothing is lost while it is down.
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import * as municipality from '$lib/server/db/municipality';
import * as notifications from '$lib/server/db/notifications';
import { log as logger } from '$lib/server/log';
import { nextAttemptAt } from './backoff';
import { renderMail, RenderError, type MailContact } from './render';

export type WorkerOptions = {
	transport: Transporter;
	from: string;
	origin: string;
	secret: string;
	id?: string;
	/** mails claimed per round */
	batchSize?: number;
	/** mails sent at once within a round */
	concurrency?: number;
	/** how long a claimed mail is this worker's before another may reclaim it */
	leaseSeconds?: number;
	/** wait between rounds when the outbox is empty */
	pollMs?: number;
	/** the retry delays after temporary refusals (backoff.ts has the product's) */
	retryDelaysMs?: number[];
	log?: (line: string) => void;
};

export type RoundResult = { claimed: number; sent: number; failed: number; retried: number; released: number };

type Outcome = 'sent' | 'failed' | 'retried' | 'down';

// errors that say the server cannot be reached at all, as opposed to a reply about this mail
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS', 'EPROTOCOL']);

function classify(error: unknown): Exclude<Outcome, 'sent'> {
	if (error instanceof RenderError) return 'failed';
	const { code, responseCode } = error as { code?: string; responseCode?: number };
	if (typeof responseCode === 'number' && responseCode >= 500) return 'failed';
	if (typeof responseCode === 'number' && responseCode >= 400 && code !== 'ECONNECTION') return 'retried';
	if (code && UNREACHABLE.has(code)) return 'down';
	return 'retried';
}

export function createMailWorker(options: WorkerOptions) {
	const id = options.id ?? `worker-${randomUUID().slice(0, 8)}`;
	const batchSize = options.batchSize ?? 50;
	const concurrency = options.concurrency ?? 5;
	const leaseSeconds = options.leaseSeconds ?? 120;
	const pollMs = options.pollMs ?? 1000;
	const log = options.log ?? ((line: string) => logger().warn({ worker: id }, line));

	let running = false;
	let stopping = false;
	let loop: Promise<void> | undefined;
	let wake: (() => void) | undefined;
	let downSince: number | undefined;

	async function send(mail: notifications.Notification, contact: MailContact | undefined): Promise<Outcome> {
		try {
			const rendered = renderMail(mail, { origin: options.origin, secret: options.secret, contact });
			await options.transport.sendMail({
				from: options.from,
				to: mail.recipient,
				subject: rendered.subject,
				text: rendered.text,
				html: rendered.html,
				headers: { ...rendered.headers, 'X-Busett-Notification': mail.id },
				attachments: rendered.attachments,
				messageId: `<${mail.id}@busett>`
			});
			return 'sent';
		} catch (error) {
			// a delivery cut short by stop() goes back to the outbox untried
			if (stopping) return 'down';
			const outcome = classify(error);
			const reason = (error as Error).message ?? String(error);
			if (outcome === 'failed') {
				await notifications.fail(id, mail.id, reason, null);
			} else if (outcome === 'retried') {
				const retryAt = nextAttemptAt(mail.attempts, new Date(), Math.random, options.retryDelaysMs);
				await notifications.fail(id, mail.id, reason, retryAt);
				if (!retryAt) return 'failed';
			}
			return outcome;
		}
	}

	/** one round: claim, send, record. Exposed for tests and benchmarks. */
	async function runOnce(): Promise<RoundResult> {
		const claimed = await notifications.claim(id, batchSize, leaseSeconds);
		const result: RoundResult = { claimed: claimed.length, sent: 0, failed: 0, retried: 0, released: 0 };
		// the municipality's contact for every footer, read once a round as an admin last saved it
		// (a failed read leaves it out of this round's footers rather than holding the mail back)
		const contact = claimed.length ? await municipality.contact().catch(() => undefined) : undefined;
		const sent: string[] = [];
		const down: string[] = [];
		let next = 0;
		async function lane() {
			while (next < claimed.length) {
				const mail = claimed[next++];
				// once the server is known to be down, the rest of the round goes back untried
				const outcome = down.length ? 'down' : await send(mail, contact);
				if (outcome === 'sent') sent.push(mail.id);
				else if (outcome === 'down') down.push(mail.id);
				else result[outcome]++;
			}
		}
		await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
		await notifications.complete(id, sent);
		result.sent = sent.length;
		if (down.length) result.released = await notifications.release(id, down);
		return result;
	}

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});

	async function run() {
		let downWaitMs = 1000;
		while (running) {
			try {
				const round = await runOnce();
				// stopping: no waiting for the next round
				if (!running) break;
				if (round.released) {
					if (downSince === undefined) {
						downSince = Date.now();
						log(`mail: the SMTP server is unreachable; ${round.released} mails stay queued`);
					}
					await sleep(downWaitMs);
					downWaitMs = Math.min(downWaitMs * 2, 30_000);
					continue;
				}
				if (downSince !== undefined) {
					log(`mail: the SMTP server answers again after ${Math.round((Date.now() - downSince) / 1000)} s`);
					downSince = undefined;
				}
				downWaitMs = 1000;
				if (round.claimed < batchSize) await sleep(pollMs);
			} catch (error) {
				log(`mail: ${(error as Error).message}`);
				await sleep(pollMs * 5);
			}
		}
	}

	return {
		id,
		runOnce,
		start() {
			if (running) return;
			running = true;
			loop = run();
		},
		/** wake the loop now instead of at the next poll (after queuing mail) */
		nudge() {
			wake?.();
		},
		/**
		 * finish the round in progress, then stop; mail claimed but not sent goes back. A
		 * delivery still hanging after graceMs (an SMTP server that stopped answering) is cut
		 * off, so shutting down never waits for the socket timeouts.
		 */
		async stop(graceMs = 3000) {
			running = false;
			wake?.();
			let timer: ReturnType<typeof setTimeout> | undefined;
			const finished = await Promise.race([
				(loop ?? Promise.resolve()).then(() => true),
				new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))
			]);
			clearTimeout(timer);
			if (!finished) {
				stopping = true;
				// nodemailer's pool: force also closes the connections in the middle of a delivery
				(options.transport.close as (opts?: { force?: boolean }) => void)({ force: true });
				await loop;
			}
			await notifications.release(id).catch(() => 0);
			stopping = false;
		}
	};
}

export type MailWorker = ReturnType<typeof createMailWorker>;
