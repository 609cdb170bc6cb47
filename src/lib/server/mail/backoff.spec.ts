import { describe, expect, it } from 'vitest';
import { nextAttemptAt, RETRY_DELAYS_MS } from './backoff';

const now = new Date('2026-11-26T12:00:00Z');
const minutesLater = (date: Date | null) => (date!.getTime() - now.getTime()) / 60_000;

describe('nextAttemptAt', () => {
	it('waits 1 min, 5 min, 30 min, 2 h and 12 h after the first five attempts', () => {
		const middle = () => 0.5;
		expect([1, 2, 3, 4, 5].map((a) => minutesLater(nextAttemptAt(a, now, middle)))).toEqual([1, 5, 30, 120, 720]);
	});

	it('gives up after the last delay', () => {
		expect(nextAttemptAt(RETRY_DELAYS_MS.length + 1, now)).toBeNull();
	});

	it('spreads retries by at most ten per cent either way', () => {
		expect(minutesLater(nextAttemptAt(3, now, () => 0))).toBeCloseTo(27);
		expect(minutesLater(nextAttemptAt(3, now, () => 0.999999))).toBeCloseTo(33);
	});
});
