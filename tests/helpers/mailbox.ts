// The stack's SMTP sink, as the app's own worker delivers to it.
import { serviceClient } from './clients';
import { stackEnv } from './env';
import { until } from './mail';

type Mail = { subject: string; text: string; to: string[]; attachments?: { filename: string; contentType: string; content: string }[] };

/** the first mail to the address whose subject matches, and whose text contains `text` if given */
export async function mailTo(address: string, subject?: RegExp, text?: string): Promise<Mail> {
	return until(`a mail to ${address}`, async () => {
		const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(address)}`);
		const mails = (await res.json()) as Mail[];
		return mails.find((mail) => (!subject || subject.test(mail.subject)) && (text === undefined || mail.text.includes(text)));
	});
}

export async function mailsTo(address: string): Promise<Mail[]> {
	const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(address)}`);
	return (await res.json()) as Mail[];
}

/** the first link to the app in a mail's text */
export function linkIn(mail: Mail, path: string): string {
	const match = mail.text.match(new RegExp(`https?://[^\\s]+(${path}/[a-z0-9.]+)`));
	if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
	return match[1];
}

/**
 * Waits until the outbox holds nothing due for the address that is not yet handled (sent or
 * failed), and returns its rows: then what the sink holds for it is all that will arrive, and
 * a test can assert that a mail did not come without waiting a fixed time. What the app queues
 * is queued before it answers the request.
 */
export async function outboxSettled(address: string): Promise<{ status: string; template: string }[]> {
	return until(`the outbox's mail to ${address} handled`, async () => {
		const { data, error } = await serviceClient()
			.from('notifications')
			.select('status, template, next_attempt_at')
			.eq('recipient', address);
		if (error) throw new Error(error.message);
		const pending = data.filter((n) => n.status === 'sending' || (n.status === 'queued' && Date.parse(n.next_attempt_at) <= Date.now()));
		return pending.length ? undefined : data.map(({ status, template }) => ({ status, template }));
	});
}
