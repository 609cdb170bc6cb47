import { describe, expect, it } from 'vitest';
import type { GrantRates, GrantYear } from './dashboard';
import { grantChartRows, grantFor, rateNotes, totalOf } from './grants';

const rates: GrantRates = {
	year_1: 100,
	year_2: 90,
	year_3: 80,
	year_4: 70,
	year_5: 60,
	child_extra: 5,
	elderly_extra: 7,
	unaccompanied_extra: 11,
	example: false
};
const year = (y: number, settled: number, expected: number, r: GrantRates | null = rates): GrantYear => ({
	year: y,
	rates: r,
	settled,
	expected,
	persons_settled: 0,
	persons_expected: 0,
	by_settlement_year: []
});

describe('grantFor', () => {
	it('pays the rate of the settlement year and nothing after the fifth', () => {
		expect([1, 2, 3, 4, 5, 6, 0].map((k) => grantFor(rates, k, 'adult'))).toEqual([100, 90, 80, 70, 60, 0, 0]);
	});
	it('adds the child and elderly extras in the first year only', () => {
		expect(grantFor(rates, 1, 'child')).toBe(105);
		expect(grantFor(rates, 2, 'child')).toBe(90);
		expect(grantFor(rates, 1, 'elderly')).toBe(107);
		expect(grantFor(rates, 3, 'elderly')).toBe(80);
	});
	it('adds the unaccompanied extra in each of the five years, instead of the child extra', () => {
		expect(grantFor(rates, 1, 'unaccompanied')).toBe(111);
		expect(grantFor(rates, 5, 'unaccompanied')).toBe(71);
	});
});

describe('grant chart', () => {
	it('has one row per year with settled then expected, and totals both', () => {
		const years = [year(2030, 300, 50), year(2031, 200, 400)];
		expect(grantChartRows(years)).toEqual([
			{ label: '2030', values: [300, 50] },
			{ label: '2031', values: [200, 400] }
		]);
		expect(years.map(totalOf)).toEqual([350, 600]);
	});
	it('names the years without rates and those with example rates', () => {
		expect(rateNotes([year(2030, 0, 0, null), year(2031, 1, 1, { ...rates, example: true })])).toEqual({
			missing: [2030],
			examples: [2031]
		});
	});
});
