import type { Database } from '$lib/database.types';
import { baseLocale, isLocale, type Locale } from '$lib/paraglide/runtime';
import type { Role } from '$lib/roles';
import type { PayloadOf } from '$lib/server/mail/templates';
import { db } from './client';

type TokenPurpose = Database['public']['Enums']['email_token_purpose'];

export type Account = {
	id: string;
	email: string;
	displayName: string;
	passwordHash: string | null;
	locale: Locale;
	emailVerified: boolean;
	roles: Role[];
	/** when an admin deactivated the account (a member of staff who left), or null */
	deactivatedAt: string | null;
};

const ACCOUNT = 'id, email, display_name, password_hash, locale, email_verified_at, deactivated_at, user_roles(role)';

function toAccount(row: {
	id: string;
	email: string;
	display_name: string;
	password_hash: string | null;
	locale: string;
	email_verified_at: string | null;
	deactivated_at: string | null;
	user_roles: { role: Role }[];
}): Account {
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		passwordHash: row.password_hash,
		locale: isLocale(row.locale) ? row.locale : baseLocale,
		emailVerified: row.email_verified_at !== null,
		roles: row.user_roles.map((r) => r.role),
		deactivatedAt: row.deactivated_at
	};
}

export async function byEmail(email: string): Promise<Account | null> {
	const { data, error } = await db()
		.from('users')
		.select(ACCOUNT)
		.ilike('email', email.replace(/[\\%_]/g, '\\$&'))
		.maybeSingle();
	if (error) throw new Error(`finding an account: ${error.message}`);
	return data ? toAccount(data) : null;
}

export async function byId(id: string): Promise<Account | null> {
	const { data, error } = await db().from('users').select(ACCOUNT).eq('id', id).maybeSingle();
	if (error) throw new Error(`reading an account: ${error.message}`);
	return data ? toAccount(data) : null;
}

export class EmailTakenError extends Error {}

/** a landlord or volunteer, with their verification token and mail, in one transaction;
 * null when the address already has an account (its owner is mailed instead, see register_user) */
export async function register(input: {
	email: string;
	displayName: string;
	passwordHash: string;
	role: 'landlord' | 'volunteer';
	locale: Locale;
	token: { id: string; hash: string; expiresAt: Date };
	/** the verification link's token (id.secret), which the mail carries */
	link: string;
}): Promise<string | null> {
	const { data, error } = await db().rpc('register_user', {
		p_email: input.email,
		p_display_name: input.displayName,
		p_password_hash: input.passwordHash,
		p_role: input.role,
		p_locale: input.locale,
		p_token_id: input.token.id,
		p_token_hash: input.token.hash,
		p_token_expires_at: input.token.expiresAt.toISOString(),
		p_token: input.link
	});
	if (error) throw new Error(`registering: ${error.message}`);
	return data ?? null;
}

/** a member of staff or an admin, invited by an admin: no password until they set one from the link */
export async function inviteStaff(input: {
	email: string;
	displayName: string;
	locale: Locale;
	role: 'staff' | 'admin';
	token: { id: string; hash: string; expiresAt: Date };
	inviter: string;
	/** the invitation link's token (id.secret), which the mail carries */
	link: string;
}): Promise<string> {
	const { data, error } = await db().rpc('invite_staff', {
		p_email: input.email,
		p_display_name: input.displayName,
		p_locale: input.locale,
		p_role: input.role,
		p_token_id: input.token.id,
		p_token_hash: input.token.hash,
		p_expires_at: input.token.expiresAt.toISOString(),
		p_inviter: input.inviter,
		p_token: input.link
	});
	if (error?.code === '23505') throw new EmailTakenError(input.email);
	if (error) throw new Error(`inviting: ${error.message}`);
	return data;
}

/** a token for a link sent by e-mail, and the mail, in one transaction */
export async function issueToken(input: {
	userId: string;
	purpose: TokenPurpose;
	token: { id: string; hash: string; expiresAt: Date };
	recipient: string;
	template: 'verify_email' | 'password_reset';
	locale: Locale;
	payload: PayloadOf<'verify_email' | 'password_reset'>;
}): Promise<void> {
	const { error } = await db().rpc('issue_email_token', {
		p_user_id: input.userId,
		p_purpose: input.purpose,
		p_token_id: input.token.id,
		p_token_hash: input.token.hash,
		p_expires_at: input.token.expiresAt.toISOString(),
		p_new_email: null as unknown as string,
		p_recipient: input.recipient,
		p_template: input.template,
		p_locale: input.locale,
		p_payload: input.payload
	});
	if (error) throw new Error(`issuing a link: ${error.message}`);
}

/** a change of address: the link to the new address, or a mail to the owner of the
 * address when it already has an account (see request_email_change) */
export async function requestEmailChange(input: {
	userId: string;
	newEmail: string;
	token: { id: string; hash: string; expiresAt: Date };
	/** the confirmation link's token (id.secret), which the mail carries */
	link: string;
}): Promise<void> {
	const { error } = await db().rpc('request_email_change', {
		p_user: input.userId,
		p_new_email: input.newEmail,
		p_token_id: input.token.id,
		p_token_hash: input.token.hash,
		p_expires_at: input.token.expiresAt.toISOString(),
		p_token: input.link
	});
	if (error) throw new Error(`changing the address: ${error.message}`);
}

/** the stored hash of a token's secret and whose it is, if the token is still usable for this purpose */
export async function tokenHash(id: string, purpose: TokenPurpose): Promise<{ hash: string; userId: string } | null> {
	const { data, error } = await db()
		.from('email_tokens')
		.select('secret_hash, user_id')
		.eq('id', id)
		.eq('purpose', purpose)
		.is('used_at', null)
		.gt('expires_at', new Date().toISOString())
		.maybeSingle();
	if (error) throw new Error(`reading a link: ${error.message}`);
	return data ? { hash: data.secret_hash, userId: data.user_id } : null;
}

/** use a token once (see use_email_token); the user's id, or null if it was not usable */
export async function useToken(
	id: string,
	purpose: TokenPurpose,
	options: { passwordHash?: string; keepSession?: string }
): Promise<string | null> {
	const { data, error } = await db().rpc('use_email_token', {
		p_token_id: id,
		p_purpose: purpose,
		p_password_hash: options.passwordHash ?? (null as unknown as string),
		p_keep_session: options.keepSession ?? (null as unknown as string)
	});
	if (error?.code === '23505') throw new EmailTakenError('');
	if (error) throw new Error(`using a link: ${error.message}`);
	return data;
}

/** a new password from the account page, with the fresh session of the browser that chose
 * it: every other session and every open link ends, and the owner is mailed (change_password) */
export async function changePassword(input: {
	userId: string;
	passwordHash: string;
	session: { id: string; secretHash: string; expiresAt: Date };
}): Promise<void> {
	const { error } = await db().rpc('change_password', {
		p_user: input.userId,
		p_password_hash: input.passwordHash,
		p_session_id: input.session.id,
		p_session_hash: input.session.secretHash,
		p_session_expires_at: input.session.expiresAt.toISOString()
	});
	if (error) throw new Error(`changing a password: ${error.message}`);
}

export async function setLocale(id: string, locale: Locale) {
	const { error } = await db().from('users').update({ locale }).eq('id', id);
	if (error) throw new Error(`changing the language: ${error.message}`);
}

/** a landlord's phone number, for staff to book an inspection ('' until given) */
export async function phoneOf(id: string): Promise<string> {
	const { data, error } = await db().from('users').select('phone').eq('id', id).single();
	if (error) throw new Error(`reading the phone number: ${error.message}`);
	return data.phone;
}

/** whether a member of staff chose the morning digest over one mail per event */
export async function digestOf(id: string): Promise<boolean> {
	const { data, error } = await db().from('users').select('staff_digest').eq('id', id).single();
	if (error) throw new Error(`reading the digest choice: ${error.message}`);
	return data.staff_digest;
}

export async function setDigest(id: string, digest: boolean) {
	const { error } = await db().from('users').update({ staff_digest: digest }).eq('id', id);
	if (error) throw new Error(`changing the digest choice: ${error.message}`);
}

export async function setPhone(id: string, phone: string) {
	const { error } = await db().from('users').update({ phone }).eq('id', id);
	if (error) throw new Error(`changing the phone number: ${error.message}`);
}

export async function staff(): Promise<Account[]> {
	// the aliased inner embed filters to staff and admins; user_roles still lists every role
	const { data, error } = await db()
		.from('users')
		.select(`${ACCOUNT}, staff:user_roles!inner(role)`)
		.in('staff.role', ['staff', 'admin'])
		.order('display_name');
	if (error) throw new Error(`listing staff: ${error.message}`);
	return data.map(toAccount);
}

const DEACTIVATE_REFUSALS = ['self', 'not_staff', 'last_admin'] as const;
type DeactivateRefusal = (typeof DEACTIVATE_REFUSALS)[number];

/**
 * A member of staff who leaves: their sessions and open links end at once and they cannot
 * log in again; their account (and so their name on what they did) stays (deactivate_staff).
 * 'already': they were deactivated before.
 */
export async function deactivateStaff(userId: string, adminId: string): Promise<'ok' | 'already' | DeactivateRefusal> {
	const { data, error } = await db().rpc('deactivate_staff', { p_user: userId, p_admin: adminId });
	if (error?.hint && (DEACTIVATE_REFUSALS as readonly string[]).includes(error.hint)) return error.hint as DeactivateRefusal;
	if (error) throw new Error(`deactivating an account: ${error.message}`);
	return data ? 'ok' : 'already';
}
