// Rate limits kept in Postgres, so they hold across every app instance. Each counted event
// is a row; deciding and recording happen in one SQL call that holds a lock per key, so a
// burst of concurrent requests cannot all pass a check made before any of them is counted
// (migration 20261201100000_account_limits.sql has the numbers of the login limits).
import { z } from 'zod';
import { db } from './client';
import { shape } from './shape';

export type Limit = { key: string; max: number; windowSeconds: number };

const HOUR = 3600;

/** registrations per address */
export const registerLimit = (address: string): Limit => ({ key: `register:address:${address}`, max: 20, windowSeconds: HOUR });

/** "send the link again" per account: the mail only ever goes to the person's own address, but
 * a button pressed in a loop must not flood it (or the outbox) */
export const resendLimit = (userId: string): Limit => ({ key: `resend:user:${userId}`, max: 5, windowSeconds: HOUR });

/** count one event for every limit, unless one is used up: false when refused (nothing counted then) */
export async function take(limits: Limit[]): Promise<boolean> {
	const { data, error } = await db().rpc('rate_limit_take', {
		p_keys: limits.map((l) => l.key),
		p_maxes: limits.map((l) => l.max),
		p_windows: limits.map((l) => l.windowSeconds)
	});
	if (error) throw new Error(`rate limit: ${error.message}`);
	return data;
}

// begin_login's answer (20261202111000_mail_links_from_ids.sql)
const attemptShape = z.object({ allowed: z.boolean(), attempt: z.array(z.number()).optional(), delay_ms: z.number().optional() });

export type LoginAttempt = { allowed: false } | { allowed: true; attempt: number[]; delayMs: number };

/** a login attempt, counted as a failure until finishLogin takes it back (see begin_login) */
export async function beginLogin(email: string, address: string): Promise<LoginAttempt> {
	const { data, error } = await db().rpc('begin_login', { p_email: email, p_address: address });
	if (error) throw new Error(`login limit: ${error.message}`);
	const answer = shape('begin_login', attemptShape, data);
	return answer.allowed ? { allowed: true, attempt: answer.attempt ?? [], delayMs: answer.delay_ms ?? 0 } : { allowed: false };
}

/** the password was right: the attempt was no failure, and the address is one the owner uses */
export async function finishLogin(attempt: number[], userId: string, address: string): Promise<void> {
	const { error } = await db().rpc('finish_login', { p_attempt: attempt, p_user: userId, p_address: address });
	if (error) throw new Error(`login limit: ${error.message}`);
}

/** may this address have a reset link for this account now? (see take_reset_request) */
export async function takeResetRequest(email: string, address: string): Promise<boolean> {
	const { data, error } = await db().rpc('take_reset_request', { p_email: email, p_address: address });
	if (error) throw new Error(`reset limit: ${error.message}`);
	return data;
}
