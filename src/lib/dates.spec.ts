import { describe, expect, it } from 'vitest';
import { yearInOslo } from './dates';

describe('yearInOslo', () => {
	it('counts new year from midnight in Norway, not in UTC', () => {
		// 23:30 UTC on 31 December is already 00:30 on 1 January in Oslo
		expect(yearInOslo(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
		expect(yearInOslo(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
	});
});
