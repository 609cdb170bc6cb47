// Rate limits kept in Postgres, so they hold across every app instance: each counted
// event is a row, and a limit looks at the rows of the last window.
import { db } from '$lib/server/db/client';

export type Limit = { max: number; windowSeconds: number };

export const LIMITS = {
	/** failed logins, per account and per address */
	login: { max: 10, windowSeconds: 15 * 60 },
	/** registrations per address */
	register: { max: 20, windowSeconds: 3600 },
	/** password reset requests, per account and per address */
	reset: { max: 5, windowSeconds: 3600 }
} satisfies Record<string, Limit>;

async function count(keys: string[], limit: Limit, record: boolean): Promise<number> {
	const { data, error } = await db().rpc('rate_limit_count', {
		p_keys: keys,
		p_window_seconds: limit.windowSeconds,
		p_record: record
	});
	if (error) throw new Error(`rate limit: ${error.message}`);
	return data;
}

/** has any of the keys used up its limit? (counts nothing) */
export async function exceeded(keys: string[], limit: Limit): Promise<boolean> {
	return (await count(keys, limit, false)) >= limit.max;
}

/** count one event for every key */
export async function record(keys: string[], limit: Limit): Promise<void> {
	await count(keys, limit, true);
}

/** count one event and say whether it went over the limit */
export async function hit(keys: string[], limit: Limit): Promise<boolean> {
	return (await count(keys, limit, true)) > limit.max;
}
