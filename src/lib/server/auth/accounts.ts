// The account flows behind the pages: register, log in, verify, reset, invite, change of
// address and of password. Every link sent by e-mail is a single-use token whose hash is
// stored with an expiry; the token and its mail are written in one transaction. No answer
// tells whether an address has an account: registering a taken address and moving to one
// mail its owner instead, and a reset request answers the same in every case.
import type { Locale } from '$lib/paraglide/runtime';
import type { Role } from '$lib/roles';
import * as users from '$lib/server/db/users';
import { nudge } from '$lib/server/mail';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { beginLogin, finishLogin, registerLimit, resendLimit, take, takeResetRequest } from '../db/rate-limits';
import { createSession, newSession } from './session';
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

// a hash to compare against when an address has no account, so a wrong address takes as
// long as a wrong password and the answer time does not tell which addresses exist
let dummyHash: Promise<string> | undefined;

/** a refused new password: the field it belongs to and why */
export type WeakPassword = { weak: PasswordProblem };

/**
 * The same answer also when the address already has an account: nothing is created then,
 * and its owner gets a mail saying someone tried. The password is hashed in either case,
 * so the answer takes as long. `tokenId`: the id of the verification link's token, which
 * the browser is bound to (verify-browser.ts); for a taken address one that was never stored.
 */
export async function register(
	input: { email: string; displayName: string; password: string; role: 'landlord' | 'volunteer'; locale: Locale },
	ip: string
): Promise<{ tokenId: string } | 'rate_limited' | WeakPassword> {
	const problem = passwordProblem(input.password, input);
	if (problem) return { weak: problem };
	if (!(await take([registerLimit(ip)]))) return 'rate_limited';
	const { token, stored } = issue('verify_email');
	await users.register({
		...input,
		passwordHash: await hashPassword(input.password),
		token: stored,
		link: token
	});
	nudge();
	return { tokenId: stored.id };
}

export async function login(
	email: string,
	password: string,
	ip: string
): Promise<{ token: string; expiresAt: Date; user: users.Account } | 'failed' | 'rate_limited'> {
	// decided and counted in one step before the password is checked (begin_login)
	const attempt = await beginLogin(email, ip);
	if (!attempt.allowed) return 'rate_limited';
	// many failures on this account from elsewhere: slowed, never locked
	if (attempt.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));
	const account = await users.byEmail(email);
	dummyHash ??= hashPassword('no account has this password');
	const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash), password);
	if (!account || !ok || !account.passwordHash) return 'failed';
	await finishLogin(attempt.attempt, account.id, ip);
	const session = await createSession(account.id, account.roles);
	return { ...session, user: account };
}

/** always the same answer to the person asking, whether or not the address has an account
 * and whether or not they are over a limit */
export async function requestReset(email: string, ip: string): Promise<void> {
	if (!(await takeResetRequest(email, ip))) return;
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
		payload: { name: account.displayName, token }
	});
	nudge();
}

export async function resendVerification(account: { id: string; email: string; displayName: string; locale: Locale }) {
	// past the limit the links already sent still work: nothing new is queued
	if (!(await take([resendLimit(account.id)]))) return;
	const { token, stored } = issue('verify_email');
	await users.issueToken({
		userId: account.id,
		purpose: 'verify_email',
		token: stored,
		recipient: account.email,
		template: 'verify_email',
		locale: account.locale,
		payload: { name: account.displayName, token }
	});
	nudge();
}

/** the same answer whether or not the new address has an account: its owner is mailed then */
export async function requestEmailChange(account: { id: string }, newEmail: string): Promise<void> {
	const { token, stored } = issue('email_change');
	await users.requestEmailChange({
		userId: account.id,
		newEmail,
		token: stored,
		link: token
	});
	nudge();
}

export async function inviteStaff(input: { email: string; displayName: string; locale: Locale; role: 'staff' | 'admin' }, inviter: string) {
	const { token, stored } = issue('staff_invite');
	try {
		await users.inviteStaff({ ...input, token: stored, inviter, link: token });
	} catch (error) {
		if (error instanceof users.EmailTakenError) return 'email_taken' as const;
		throw error;
	}
	nudge();
	return 'ok' as const;
}

/** is this a token that can still be used for the purpose? (checks the secret in constant time) */
async function usableToken(token: string, purposes: Purpose[]): Promise<{ purpose: Purpose; userId: string } | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	for (const purpose of purposes) {
		const stored = await users.tokenHash(parsed.id, purpose);
		if (stored && secretMatches(parsed.secret, fromBytea(stored.hash))) return { purpose, userId: stored.userId };
	}
	return null;
}

export async function tokenIsUsable(token: string, purposes: Purpose[]): Promise<Purpose | null> {
	return (await usableToken(token, purposes))?.purpose ?? null;
}

/**
 * Use a link once: verify an address, confirm a new one, or set a password (refused if the
 * policy says no, the link then still usable). `keepSession`: the session of the browser
 * confirming a new address, which stays when every other one ends.
 */
export async function useToken(
	token: string,
	purposes: Purpose[],
	options: { password?: string; keepSession?: string | null } = {}
): Promise<'ok' | 'invalid' | 'email_taken' | WeakPassword> {
	const used = await spend(token, purposes, options);
	return typeof used === 'object' && 'userId' in used ? 'ok' : used;
}

/**
 * Verify an address, or confirm a new one, with its link. `logIn`: this is the browser that
 * registered for the link (verify-browser.ts), which gets a session when the link verified
 * a new account's address (never for a change of address).
 */
export async function verifyAddress(
	token: string,
	options: { keepSession: string | null; logIn: boolean }
): Promise<'invalid' | { session: { token: string; expiresAt: Date; roles: readonly Role[] } | null }> {
	const used = await spend(token, ['verify_email', 'email_change'], { keepSession: options.keepSession });
	if (typeof used !== 'object' || !('userId' in used)) return 'invalid';
	if (!options.logIn || used.purpose !== 'verify_email' || options.keepSession) return { session: null };
	const account = await users.byId(used.userId);
	if (!account) return { session: null };
	return { session: { ...(await createSession(account.id, account.roles)), roles: account.roles } };
}

async function spend(
	token: string,
	purposes: Purpose[],
	options: { password?: string; keepSession?: string | null }
): Promise<{ userId: string; purpose: Purpose } | 'invalid' | 'email_taken' | WeakPassword> {
	const usable = await usableToken(token, purposes);
	if (!usable) return 'invalid';
	let passwordHash: string | undefined;
	if (options.password !== undefined) {
		const owner = await users.byId(usable.userId);
		if (!owner) return 'invalid';
		const problem = passwordProblem(options.password, owner);
		if (problem) return { weak: problem };
		passwordHash = await hashPassword(options.password);
	}
	try {
		const used = await users.useToken(parseToken(token)!.id, usable.purpose, {
			passwordHash,
			keepSession: options.keepSession ?? undefined
		});
		return used ? { userId: used, purpose: usable.purpose } : 'invalid';
	} catch (error) {
		if (error instanceof users.EmailTakenError) return 'email_taken';
		throw error;
	}
}

/**
 * A new password from the account page: every other session and every open link ends and
 * the owner is told, in one transaction; the browser that chose it gets a fresh session.
 */
export async function changePassword(
	user: { id: string; roles: readonly Role[] },
	current: string,
	next: string
): Promise<'wrong_password' | WeakPassword | { token: string; expiresAt: Date }> {
	const account = await users.byId(user.id);
	if (!account || !(await verifyPassword(account.passwordHash, current))) return 'wrong_password';
	const problem = passwordProblem(next, account);
	if (problem) return { weak: problem };
	const session = newSession(account.roles);
	await users.changePassword({ userId: account.id, passwordHash: await hashPassword(next), session });
	nudge();
	return { token: session.token, expiresAt: session.expiresAt };
}

export async function passwordIsRight(userId: string, password: string): Promise<boolean> {
	const account = await users.byId(userId);
	return Boolean(account && (await verifyPassword(account.passwordHash, password)));
}
