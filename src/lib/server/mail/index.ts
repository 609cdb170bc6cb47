// Mail for the rest of the app: queue a notification, and this instance's worker.
import { config } from '$lib/server/config';
import * as notifications from '$lib/server/db/notifications';
import type { PayloadOf, TemplateKey } from './templates';
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

/** queue one mail (see notifications.enqueue) and wake the worker */
export async function queue<K extends TemplateKey>(mail: Parameters<typeof notifications.enqueue<K>>[0]): Promise<string | null> {
	const id = await notifications.enqueue(mail);
	if (id) nudge();
	return id;
}

export type { PayloadOf, TemplateKey };
