// When a mail that failed for a passing reason is tried again: 1 min, 5 min, 30 min,
// 2 h, 12 h after the failed attempts, each ±10 % so that many failed mails do not all
// come back in the same second. After the last, the mail is given up (null).
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000];

export function nextAttemptAt(
	attempts: number,
	now: Date = new Date(),
	random: () => number = Math.random,
	delays: number[] = RETRY_DELAYS_MS
): Date | null {
	const delay = delays[attempts - 1];
	if (delay === undefined) return null;
	const jitter = 1 + (random() * 2 - 1) * 0.1;
	return new Date(now.getTime() + Math.round(delay * jitter));
}
