// The account flows behind the pages: register, log in, verify, reset, invite, change of
// address. Every link sent by e-mail is a single-use token whose hash is stored with an
// expiry; the token and its mail are written in one transaction.
import type { Locale } from '$lib/paraglide/runtime';
import { config } from '$lib/server/config';
import * as users from '$lib/server/db/users';
import { nudge } from '$lib/server/mail';
import { hashPassword, verifyPassword } from './password';
import { LIMITS, exceeded, hit, record } from './rate-limit';
import { createSession } from './session';
import { fromBytea, newToken, parseToken, secretMatches, toBytea } from './tokens';

const HOUR = 3600_000;
export const TOKEN_LIFETIME_MS = {
	verify_email: 24 * HOUR,
	password_reset: HOUR,
	staff_invite: 7 * 24 * HOUR,
	email_change: 24 * HOUR
} as const;

type Purpose = keyof typeof TOKEN_LIFETIME_MS;

function issue(purpose: Purpose) {
	const token = newToken();
	return {
		token: token.token,
		stored: { id: token.id, hash: toBytea(token.secretHash), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) }
	};
}

const link = (path: string, token: string) => `${config().ORIGIN}${path}/${token}`;

// a hash to compare against when an address has no account, so a wrong address takes as
// long as a wrong password and the answer time does not tell which addresses exist
let dummyHash: Promise<string> | undefined;

export async function register(
	input: { email: string; displayName: string; password: string; role: 'landlord' | 'volunteer'; locale: Locale },
	ip: string
): Promise<'ok' | 'email_taken' | 'rate_limited'> {
	if (await hit([`register:ip:${ip}`], LIMITS.register)) return 'rate_limited';
	const { token, stored } = issue('verify_email');
	try {
		await users.register({
			...input,
			passwordHash: await hashPassword(input.password),
			token: stored,
			verifyUrl: link('/verify', token)
		});
	} catch (error) {
		if (error instanceof users.EmailTakenError) return 'email_taken';
		throw error;
	}
	nudge();
	return 'ok';
}

export async function login(
	email: string,
	password: string,
	ip: string
): Promise<{ token: string; expiresAt: Date; user: users.Account } | 'failed' | 'rate_limited'> {
	const keys = [`login:account:${email.toLowerCase()}`, `login:ip:${ip}`];
	if (await exceeded(keys, LIMITS.login)) return 'rate_limited';
	const account = await users.byEmail(email);
	dummyHash ??= hashPassword('no account has this password');
	const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash), password);
	if (!account || !ok || !account.passwordHash) {
		await record(keys, LIMITS.login);
		return 'failed';
	}
	const session = await createSession(account.id);
	return { ...session, user: account };
}

/** always the same answer to the person asking, whether or not the address has an account */
export async function requestReset(email: string, ip: string): Promise<void> {
	if (await hit([`reset:ip:${ip}`, `reset:account:${email.toLowerCase()}`], LIMITS.reset)) return;
	const account = await users.byEmail(email);
	if (!account?.passwordHash) return;
	const { token, stored } = issue('password_reset');
	await users.issueToken({
		userId: account.id,
		purpose: 'password_reset',
		token: stored,
		recipient: account.email,
		template: 'password_reset',
		locale: account.locale,
		payload: { name: account.displayName, url: link('/reset', token) }
	});
	nudge();
}

export async function resendVerification(account: { id: string; email: string; displayName: string; locale: Locale }) {
	const { token, stored } = issue('verify_email');
	await users.issueToken({
		userId: account.id,
		purpose: 'verify_email',
		token: stored,
		recipient: account.email,
		template: 'verify_email',
		locale: account.locale,
		payload: { name: account.displayName, url: link('/verify', token) }
	});
	nudge();
}

export async function requestEmailChange(
	account: { id: string; displayName: string; locale: Locale },
	newEmail: string
): Promise<'ok' | 'email_taken'> {
	if (await users.byEmail(newEmail)) return 'email_taken';
	const { token, stored } = issue('email_change');
	await users.issueToken({
		userId: account.id,
		purpose: 'email_change',
		token: stored,
		newEmail,
		recipient: newEmail,
		template: 'email_change',
		locale: account.locale,
		payload: { name: account.displayName, url: link('/verify', token) }
	});
	nudge();
	return 'ok';
}

export async function inviteStaff(input: { email: string; displayName: string; locale: Locale }, inviter: string) {
	const { token, stored } = issue('staff_invite');
	try {
		await users.inviteStaff({ ...input, token: stored, inviter, url: link('/invite', token) });
	} catch (error) {
		if (error instanceof users.EmailTakenError) return 'email_taken' as const;
		throw error;
	}
	nudge();
	return 'ok' as const;
}

/** is this a token that can still be used for the purpose? (checks the secret in constant time) */
export async function tokenIsUsable(token: string, purposes: Purpose[]): Promise<Purpose | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	for (const purpose of purposes) {
		const stored = await users.tokenHash(parsed.id, purpose);
		if (stored && secretMatches(parsed.secret, fromBytea(stored))) return purpose;
	}
	return null;
}

/** use a link once: verify an address, confirm a new one, or set a password */
export async function useToken(token: string, purposes: Purpose[], password?: string): Promise<'ok' | 'invalid' | 'email_taken'> {
	const purpose = await tokenIsUsable(token, purposes);
	if (!purpose) return 'invalid';
	const passwordHash = password === undefined ? undefined : await hashPassword(password);
	try {
		return (await users.useToken(parseToken(token)!.id, purpose, passwordHash)) ? 'ok' : 'invalid';
	} catch (error) {
		if (error instanceof users.EmailTakenError) return 'email_taken';
		throw error;
	}
}

export async function changePassword(userId: string, current: string, next: string): Promise<boolean> {
	const account = await users.byId(userId);
	if (!account || !(await verifyPassword(account.passwordHash, current))) return false;
	await users.setPassword(userId, await hashPassword(next));
	return true;
}

export async function passwordIsRight(userId: string, password: string): Promise<boolean> {
	const account = await users.byId(userId);
	return Boolean(account && (await verifyPassword(account.passwordHash, password)));
}
