// One-click unsubscribe links that work without logging in: the address and category
// are signed with the app's secret (HMAC-SHA256), so a link cannot be forged for
// someone else's address.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type OptOut = { email: string; category: string };

const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function unsubscribeToken(optOut: OptOut, secret: string): string {
	const data = Buffer.from(JSON.stringify([optOut.email.toLowerCase(), optOut.category])).toString('base64url');
	return `${data}.${sign(data, secret)}`;
}

export function readUnsubscribeToken(token: string, secret: string): OptOut | null {
	const [data, signature, ...rest] = token.split('.');
	if (!data || !signature || rest.length) return null;
	const expected = Buffer.from(sign(data, secret));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	try {
		const [email, category] = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
		return typeof email === 'string' && typeof category === 'string' ? { email, category } : null;
	} catch {
		return null;
	}
}
