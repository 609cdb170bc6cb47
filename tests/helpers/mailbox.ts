// The stack's SMTP sink, as the app's own worker delivers to it.
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
