// Sessions as the Lucia guide teaches them: a random token in an HttpOnly cookie, only
// the hash of its secret in the database, constant-time comparison, sliding expiry.
import type { Cookies } from '@sveltejs/kit';
import * as sessions from '$lib/server/db/sessions';
import { expiresAt, sessionState } from './expiry';
import { fromBytea, newToken, parseToken, secretMatches, toBytea } from './tokens';

export const SESSION_COOKIE = 'busett_session';

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const now = new Date();
	const expires = expiresAt(now);
	await sessions.insert({ id: token.id, userId, secretHash: toBytea(token.secretHash), expiresAt: expires });
	return { token: token.token, expiresAt: expires };
}

export type ValidSession = { sessionId: string; user: sessions.SessionUser; renewedUntil: Date | null };

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const session = await sessions.get(parsed.id);
	if (!session || !secretMatches(parsed.secret, fromBytea(session.secretHash))) return null;
	const now = new Date();
	const state = sessionState(session, now);
	if (state === 'expired') {
		await sessions.remove(session.id);
		return null;
	}
	if (state !== 'renew') return { sessionId: session.id, user: session.user, renewedUntil: null };
	const until = expiresAt(now);
	await sessions.touch(session.id, now, until);
	return { sessionId: session.id, user: session.user, renewedUntil: until };
}

export const invalidateSession = (sessionId: string) => sessions.remove(sessionId);
export const invalidateAllSessions = (userId: string) => sessions.removeAllOf(userId);

// Secure everywhere but on plain-http localhost, where browsers would drop the cookie
const secure = (url: URL) => !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date) {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secure(url), path: '/', expires });
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(url), path: '/' });
}
