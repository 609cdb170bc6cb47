import { describe, expect, it } from 'vitest';
import { formatDateTime, fromOsloLocal, toOsloLocal, yearInOslo } from './dates';

describe('yearInOslo', () => {
	it('counts new year from midnight in Norway, not in UTC', () => {
		// 23:30 UTC on 31 December is already 00:30 on 1 January in Oslo
		expect(yearInOslo(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
		expect(yearInOslo(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
	});
});

describe('formatDateTime', () => {
	it('shows Norwegian time, in the reader’s language', () => {
		// 09:00 UTC in March is 10:00 in Oslo (winter time)
		const at = '2027-03-02T09:00:00Z';
		expect(formatDateTime(at, 'en')).toMatch(/Tuesday,? 2 March.*10:00/);
		expect(formatDateTime(at, 'nn')).toMatch(/tysdag 2\. mars.*10[:.]00/);
	});
});

describe('fromOsloLocal and toOsloLocal', () => {
	it('read Norwegian wall-clock time in winter and in summer', () => {
		expect(fromOsloLocal('2027-03-02T10:00').toISOString()).toBe('2027-03-02T09:00:00.000Z');
		expect(fromOsloLocal('2027-07-01T10:00').toISOString()).toBe('2027-07-01T08:00:00.000Z');
		expect(toOsloLocal('2027-07-01T08:00:00Z')).toBe('2027-07-01T10:00');
		expect(toOsloLocal(fromOsloLocal('2027-10-31T12:30'))).toBe('2027-10-31T12:30');
	});
});
