import { describe, expect, it } from 'vitest';
import { timeScale } from '../tests/helpers/time.ts';

describe('the tests’ time scale', () => {
	it('is TEST_TIME_SCALE when set to a positive number', () => {
		expect(timeScale({ TEST_TIME_SCALE: '2.5' }, 0, 2)).toBe(2.5);
		// nonsense falls back to the load
		expect(timeScale({ TEST_TIME_SCALE: 'fast' }, 6, 2)).toBe(3);
		expect(timeScale({ TEST_TIME_SCALE: '0' }, 0, 2)).toBe(1);
	});

	it('else follows the load per core, between 1 and 4', () => {
		expect(timeScale({}, 0.3, 2)).toBe(1);
		expect(timeScale({}, 5, 2)).toBe(2.5);
		expect(timeScale({}, 40, 2)).toBe(4);
	});
});
