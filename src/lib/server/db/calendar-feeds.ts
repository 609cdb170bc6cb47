// A volunteer's personal calendar feed at a secret address. Only the hash of the secret is
// stored: the address is shown once, when made; a new one replaces the old at once.
import { fromBytea, newToken, parseToken, secretMatches, toBytea } from '$lib/server/auth/tokens';
import { db } from './client';

const PAST_DAYS = 90;

/** a new secret address for the volunteer (the old one stops working); returns its token */
export async function renew(userId: string): Promise<string> {
	const token = newToken();
	const { error } = await db()
		.from('calendar_feeds')
		.upsert({ user_id: userId, id: token.id, secret_hash: toBytea(token.secretHash), created_at: new Date().toISOString() });
	if (error) throw new Error(`making a calendar address: ${error.message}`);
	return token.token;
}

/** no feed any more */
export async function stop(userId: string): Promise<void> {
	const { error } = await db().from('calendar_feeds').delete().eq('user_id', userId);
	if (error) throw new Error(`stopping a calendar feed: ${error.message}`);
}

/** whose feed a presented token opens, or null (unknown, replaced or wrong secret) */
export async function ownerOf(token: string): Promise<string | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const { data, error } = await db().from('calendar_feeds').select('user_id, secret_hash').eq('id', parsed.id).maybeSingle();
	if (error) throw new Error(`reading a calendar feed: ${error.message}`);
	if (!data || !secretMatches(parsed.secret, fromBytea(data.secret_hash))) return null;
	return data.user_id;
}

/** the tasks the volunteer holds a place on and that are not cancelled (recent past too) */
export async function tasksOf(userId: string) {
	const { data, error } = await db()
		.from('signups')
		.select('task:tasks!inner(id, title, starts_at, ends_at, locality, status)')
		.eq('volunteer_id', userId)
		.eq('status', 'confirmed')
		.neq('task.status', 'cancelled')
		.gt('task.ends_at', new Date(Date.now() - PAST_DAYS * 24 * 3600_000).toISOString());
	if (error) throw new Error(`listing a feed's tasks: ${error.message}`);
	return data.map((s) => s.task).sort((a, b) => a.starts_at.localeCompare(b.starts_at));
}
