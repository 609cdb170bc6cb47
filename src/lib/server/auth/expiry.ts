// Sliding expiry (the Lucia guide's inactivity timeout): a session lives 30 days from its
// last use, and its last use is written down at most once an hour, not on every request.
export const INACTIVITY_TIMEOUT_MS = 30 * 24 * 3600_000;
export const ACTIVITY_CHECK_INTERVAL_MS = 3600_000;

export type SessionTimes = { lastVerifiedAt: Date };

export function sessionState(session: SessionTimes, now: Date = new Date()): 'expired' | 'renew' | 'valid' {
	const idle = now.getTime() - session.lastVerifiedAt.getTime();
	if (idle >= INACTIVITY_TIMEOUT_MS) return 'expired';
	if (idle >= ACTIVITY_CHECK_INTERVAL_MS) return 'renew';
	return 'valid';
}

export const expiresAt = (lastVerifiedAt: Date) => new Date(lastVerifiedAt.getTime() + INACTIVITY_TIMEOUT_MS);
