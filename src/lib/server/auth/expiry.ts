// How long a session lives. Staff and admins see the households' data: their sessions end
// after 1 hour without use and 12 hours after logging in, whatever happens (both set by
// SESSION_STAFF_IDLE_MINUTES and SESSION_STAFF_MAX_HOURS). Landlords and volunteers keep
// the Lucia guide's sliding session, 30 days from the last use, but never past 90 days
// from logging in. The rules follow the roles the person has now, so someone made staff
// during a long session gets the short one at once.
//
// The last use is written down only every so often, not on every request: at most hourly,
// and at least twelve times within the idle limit, so a 1-hour limit is measured to within
// 5 minutes and never lets a session live longer than the limit.
import type { Role } from '$lib/roles';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SessionPolicy = { idleMs: number; absoluteMs: number; renewAfterMs: number };
export type StaffLimits = { idleMinutes: number; maxHours: number };

export const LONG_SESSION = { idleMs: 30 * DAY, absoluteMs: 90 * DAY } as const;
export const STAFF_DEFAULTS: StaffLimits = { idleMinutes: 60, maxHours: 12 };

const isStaff = (roles: readonly Role[]) => roles.includes('staff') || roles.includes('admin');

export function sessionPolicy(roles: readonly Role[], staff: StaffLimits = STAFF_DEFAULTS): SessionPolicy {
	const { idleMs, absoluteMs } = isStaff(roles) ? { idleMs: staff.idleMinutes * MINUTE, absoluteMs: staff.maxHours * HOUR } : LONG_SESSION;
	return { idleMs, absoluteMs, renewAfterMs: Math.min(HOUR, Math.floor(idleMs / 12)) };
}

export type SessionTimes = { createdAt: Date; lastVerifiedAt: Date };

export function sessionState(session: SessionTimes, policy: SessionPolicy, now: Date = new Date()): 'expired' | 'renew' | 'valid' {
	if (now.getTime() - session.createdAt.getTime() >= policy.absoluteMs) return 'expired';
	const idle = now.getTime() - session.lastVerifiedAt.getTime();
	if (idle >= policy.idleMs) return 'expired';
	if (idle >= policy.renewAfterMs) return 'renew';
	return 'valid';
}

/** when a session used at `lastVerifiedAt` ends: the idle limit, or the absolute one if sooner */
export const expiresAt = (session: SessionTimes, policy: SessionPolicy) =>
	new Date(Math.min(session.lastVerifiedAt.getTime() + policy.idleMs, session.createdAt.getTime() + policy.absoluteMs));
