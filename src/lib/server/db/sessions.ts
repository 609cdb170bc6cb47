import type { Role } from '$lib/roles';
import { baseLocale, isLocale, type Locale } from '$lib/paraglide/runtime';
import { db } from './client';

export type SessionUser = {
	id: string;
	email: string;
	displayName: string;
	locale: Locale;
	emailVerified: boolean;
	roles: Role[];
};

export type StoredSession = {
	id: string;
	secretHash: string;
	createdAt: Date;
	lastVerifiedAt: Date;
	user: SessionUser;
};

export async function insert(session: { id: string; userId: string; secretHash: string; expiresAt: Date }) {
	const { error } = await db().from('sessions').insert({
		id: session.id,
		user_id: session.userId,
		secret_hash: session.secretHash,
		expires_at: session.expiresAt.toISOString()
	});
	if (error) throw new Error(`creating a session: ${error.message}`);
}

/** the session and its user with roles, in one round trip */
export async function get(id: string): Promise<StoredSession | null> {
	const { data, error } = await db()
		.from('sessions')
		.select(
			'id, secret_hash, created_at, last_verified_at, users!inner(id, email, display_name, locale, email_verified_at, user_roles(role))'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`reading a session: ${error.message}`);
	if (!data) return null;
	const user = data.users;
	return {
		id: data.id,
		secretHash: data.secret_hash,
		createdAt: new Date(data.created_at),
		lastVerifiedAt: new Date(data.last_verified_at),
		user: {
			id: user.id,
			email: user.email,
			displayName: user.display_name,
			locale: isLocale(user.locale) ? user.locale : baseLocale,
			emailVerified: user.email_verified_at !== null,
			roles: user.user_roles.map((r) => r.role)
		}
	};
}

export async function touch(id: string, lastVerifiedAt: Date, expiresAt: Date) {
	const { error } = await db()
		.from('sessions')
		.update({ last_verified_at: lastVerifiedAt.toISOString(), expires_at: expiresAt.toISOString() })
		.eq('id', id);
	if (error) throw new Error(`renewing a session: ${error.message}`);
}

export async function remove(id: string) {
	const { error } = await db().from('sessions').delete().eq('id', id);
	if (error) throw new Error(`ending a session: ${error.message}`);
}

export async function removeAllOf(userId: string) {
	const { error } = await db().from('sessions').delete().eq('user_id', userId);
	if (error) throw new Error(`ending sessions: ${error.message}`);
}
