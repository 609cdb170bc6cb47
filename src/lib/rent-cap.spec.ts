import { describe, expect, it } from 'vitest';
import { overRentCap } from './rent-cap';

const caps = new Map([
	[1, 9500],
	[2, 11500],
	[3, 13000],
	[4, 14500]
]);

describe('overRentCap', () => {
	it('flags an offer above the cap for every household size it could house', () => {
		// houses up to 2 persons: the highest cap it could meet is 11 500
		expect(overRentCap(12000, 2, caps)).toBe(true);
		expect(overRentCap(11500, 2, caps)).toBe(false);
	});

	it('does not flag an offer within the cap of a larger household it could house', () => {
		expect(overRentCap(14000, 4, caps)).toBe(false);
	});

	it('uses the largest size’s cap for households larger than the table', () => {
		expect(overRentCap(14000, 6, caps)).toBe(false);
		expect(overRentCap(15000, 6, caps)).toBe(true);
	});

	it('flags nothing without caps, rent or size', () => {
		expect(overRentCap(50000, 2, new Map())).toBe(false);
		expect(overRentCap(null, 2, caps)).toBe(false);
		expect(overRentCap(12000, null, caps)).toBe(false);
	});
});
