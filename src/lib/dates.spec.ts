import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatIn,
	formatNumber,
	formatTimestamp,
	fromOsloLocal,
	monthNames,
	toOsloLocal,
	yearInOslo
} from './dates';

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
		expect(formatDateTime(at, 'nb')).toMatch(/tirsdag 2\. mars.*10[:.]00/);
		expect(formatDateTime(at, 'uk')).toMatch(/вівторок,? 2 березня.*10:00/);
	});
});

describe('formatDate and formatTimestamp', () => {
	it('write the day the way each language does, on Norway’s calendar', () => {
		expect(formatDate('2027-03-03', 'nn')).toBe('3. mars 2027');
		expect(formatDate('2027-03-03', 'nb')).toBe('3. mars 2027');
		expect(formatDate('2027-03-03', 'en')).toBe('3 March 2027');
		expect(formatDate('2027-03-03', 'uk')).toMatch(/^3 березня 2027/);
		// 23:30 UTC on 2 March is already 3 March in Oslo
		expect(formatTimestamp('2027-03-02T23:30:00Z', 'nn')).toBe('03.03.2027, 00:30');
		expect(formatTimestamp('2027-03-02T23:30:00Z', 'en')).toBe('03/03/2027, 00:30');
	});
});

describe('formatNumber', () => {
	it('groups thousands and writes decimals as each language does', () => {
		const nbsp = /[\s\u00a0\u202f]/;
		expect(formatNumber(12500, 'nn')).toMatch(new RegExp(`^12${nbsp.source}500$`));
		expect(formatNumber(12500, 'uk')).toMatch(new RegExp(`^12${nbsp.source}500$`));
		expect(formatNumber(12500, 'en')).toBe('12,500');
		expect(formatNumber(2.5, 'nb')).toBe('2,5');
		expect(formatNumber(2.5, 'en')).toBe('2.5');
		expect(formatNumber(null, 'nn')).toBe('–');
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

describe('formatIn for Nynorsk', () => {
	it('names the weekdays in Nynorsk: måndag, tysdag, onsdag, torsdag, fredag, laurdag, sundag', () => {
		// 1–7 March 2027 is a Monday to a Sunday
		const week = [1, 2, 3, 4, 5, 6, 7].map((d) => formatIn(`2027-03-0${d}T12:00:00Z`, 'nn', { weekday: 'long' }));
		expect(week).toEqual(['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'sundag']);
		expect(formatDateTime('2027-03-07T12:00:00Z', 'nn')).toBe('sundag 7. mars kl. 13:00');
		expect(formatDateTime('2027-03-06T22:30:00Z', 'nb')).toBe('lørdag 6. mars kl. 23:30');
	});

	it("takes the weekday on Norway's clock, not UTC's", () => {
		// 23:30 UTC on Saturday 6 March is already Sunday in Oslo
		expect(formatDateTime('2027-03-06T23:30:00Z', 'nn')).toBe('sundag 7. mars kl. 00:30');
	});

	it('names the months in each language', () => {
		expect(monthNames('nn')).toEqual([
			'januar',
			'februar',
			'mars',
			'april',
			'mai',
			'juni',
			'juli',
			'august',
			'september',
			'oktober',
			'november',
			'desember'
		]);
		expect(monthNames('en')[0]).toBe('January');
		expect(monthNames('uk')[2]).toMatch(/^берез/);
	});

	it('writes Nynorsk numbers and dates as Bokmål does, whatever the runtime knows of nn', () => {
		expect(formatNumber(12500.5, 'nn')).toBe(formatNumber(12500.5, 'nb'));
		expect(formatTimestamp('2027-03-02T09:00:00Z', 'nn')).toBe(formatTimestamp('2027-03-02T09:00:00Z', 'nb'));
		expect(formatIn('2027-03-02T09:00:00Z', 'nn', { weekday: 'short', day: 'numeric', month: 'short' })).toBe('tys. 2. mars');
	});
});
