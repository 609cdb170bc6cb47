// Sessions as the Lucia guide teaches them: a random token in an HttpOnly cookie, only
// the hash of its secret in the database, constant-time comparison, sliding expiry with
// an absolute limit (expiry.ts).
import type { Cookies } from '@sveltejs/kit';
import type { Role } from '$lib/roles';
import { config } from '$lib/server/config';
import * as sessions from '$lib/server/db/sessions';
import { expiresAt, sessionPolicy, sessionState } from './expiry';
import { fromBytea, newToken, parseToken, secretMatches, toBytea } from './tokens';

const policyFor = (roles: readonly Role[]) =>
	sessionPolicy(roles, { idleMinutes: config().SESSION_STAFF_IDLE_MINUTES, maxHours: config().SESSION_STAFF_MAX_HOURS });

/** a new session's token and what is stored of it, not yet stored */
export function newSession(roles: readonly Role[]): { token: string; id: string; secretHash: string; expiresAt: Date } {
	const token = newToken();
	const now = new Date();
	return {
		token: token.token,
		id: token.id,
		secretHash: toBytea(token.secretHash),
		expiresAt: expiresAt({ createdAt: now, lastVerifiedAt: now }, policyFor(roles))
	};
}

export async function createSession(userId: string, roles: readonly Role[]): Promise<{ token: string; expiresAt: Date }> {
	const session = newSession(roles);
	await sessions.insert({ id: session.id, userId, secretHash: session.secretHash, expiresAt: session.expiresAt });
	return { token: session.token, expiresAt: session.expiresAt };
}

export type ValidSession = { sessionId: string; user: sessions.SessionUser; renewedUntil: Date | null };

// Concurrent requests with the same cookie (a page and its data, a browser's parallel loads)
// share the one check that is under way; nothing is kept after it answers, so a logout or a
// revoked session is seen by the next request, on every instance.
const checking = new Map<string, Promise<ValidSession | null>>();

export function validateSessionToken(token: string): Promise<ValidSession | null> {
	const running = checking.get(token);
	if (running) return running;
	const check = validate(token).finally(() => checking.delete(token));
	checking.set(token, check);
	return check;
}

async function validate(token: string): Promise<ValidSession | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const session = await sessions.get(parsed.id);
	if (!session || !secretMatches(parsed.secret, fromBytea(session.secretHash))) return null;
	const now = new Date();
	const policy = policyFor(session.user.roles);
	const state = sessionState(session, policy, now);
	if (state === 'expired') {
		await sessions.remove(session.id);
		return null;
	}
	if (state !== 'renew') return { sessionId: session.id, user: session.user, renewedUntil: null };
	const until = expiresAt({ createdAt: session.createdAt, lastVerifiedAt: now }, policy);
	await sessions.touch(session.id, now, until);
	return { sessionId: session.id, user: session.user, renewedUntil: until };
}

export const invalidateSession = (sessionId: string) => sessions.remove(sessionId);
export const invalidateAllSessions = (userId: string) => sessions.removeAllOf(userId);

// Secure everywhere but on plain-http localhost, where browsers would drop the cookie
const secure = (url: URL) => !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));

/**
 * The cookie's name: over https `__Host-busett_session`, which a browser accepts only when
 * Secure, for Path=/ and without a Domain, so no subdomain or plain-http page can set or
 * overwrite it; on plain-http localhost (the demo), `busett_session`. Only the name that
 * fits the site is ever read.
 */
export const sessionCookieName = (url: URL) => (url.protocol === 'https:' ? '__Host-busett_session' : 'busett_session');

export function readSessionCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url));
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date) {
	cookies.set(sessionCookieName(url), token, { httpOnly: true, sameSite: 'lax', secure: secure(url), path: '/', expires });
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), { httpOnly: true, sameSite: 'lax', secure: secure(url), path: '/' });
}
