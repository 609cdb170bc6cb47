// Mail for the rest of the app: this instance's worker, and a nudge to it after SQL queued mail.
import { config } from '$lib/server/config';
import { mailTransport } from './transport';
import { createMailWorker, type MailWorker } from './worker';

let worker: MailWorker | undefined;

/** this instance's worker loop, started once from the server hooks */
export function startMailWorker(): MailWorker {
	worker ??= createMailWorker({
		transport: mailTransport(),
		from: config().MAIL_FROM,
		origin: config().ORIGIN,
		secret: config().APP_SECRET
	});
	worker.start();
	return worker;
}

export async function stopMailWorker(): Promise<void> {
	await worker?.stop();
}

/** after an event's SQL function queued mail: send it now rather than at the next poll */
export function nudge(): void {
	worker?.nudge();
}
