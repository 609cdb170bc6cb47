// The browser that registered, told apart from every other one: registering sets a cookie
// that binds this browser to the verification link just mailed, and opening that link in
// this browser logs the newcomer in and takes them where they were going. Opened anywhere
// else, the link verifies the address and logs no one in.
//
// The cookie holds an HMAC (with APP_SECRET) of the link's token id, never the token: who
// has the cookie alone (it can be read out of one's own browser) cannot verify an address,
// and who has the link alone (the mailbox) is not logged in. Both together — the browser
// that chose the password and the mailbox — are what logging in after verifying needs.
// Registering a taken address sets the same cookie for a token that was never stored, so the
// answer tells nothing. It lives as long as the link, and goes when the link is used.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { TOKEN_LIFETIME_MS } from './accounts';
import { sameOriginPath } from './redirect-target';
import { parseToken } from './tokens';

type Binding = { mac: string; next: string | null };

const secure = (url: URL) => !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
// like the session cookie: __Host- over https, so no subdomain can plant one
const nameFor = (url: URL) => (url.protocol === 'https:' ? '__Host-busett_verify' : 'busett_verify');
const options = (url: URL) => ({ httpOnly: true, sameSite: 'lax' as const, secure: secure(url), path: '/' });

const macOf = (tokenId: string) => createHmac('sha256', config().APP_SECRET).update(`verify-browser:${tokenId}`).digest('base64url');

/** bind this browser to the verification link with the token id, and remember where the newcomer was going (a same-site path only) */
export function bindBrowser(cookies: Cookies, url: URL, tokenId: string, next: unknown) {
	const binding: Binding = { mac: macOf(tokenId), next: sameOriginPath(next, config().ORIGIN) };
	cookies.set(nameFor(url), JSON.stringify(binding), { ...options(url), maxAge: TOKEN_LIFETIME_MS.verify_email / 1000 });
}

/** is this the browser that registered for the link's token? Then where it was going (null: its start page) */
export function boundBrowser(cookies: Cookies, url: URL, token: string): { next: string | null } | null {
	const raw = cookies.get(nameFor(url));
	const parsed = parseToken(token);
	if (!raw || !parsed) return null;
	let binding: Partial<Binding>;
	try {
		binding = JSON.parse(raw);
	} catch {
		return null;
	}
	if (typeof binding?.mac !== 'string') return null;
	const expected = Buffer.from(macOf(parsed.id));
	const given = Buffer.from(binding.mac);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	// read again on the way out: a cookie is the browser's to change
	return { next: sameOriginPath(binding.next, config().ORIGIN) };
}

export function forgetBrowser(cookies: Cookies, url: URL) {
	cookies.delete(nameFor(url), options(url));
}
