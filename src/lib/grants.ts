// The integration grant forecast's arithmetic on the sums counted in SQL (public.grant_forecast):
// what the overview's figure, chart and table show. Pure, so it is tested without a database.
import type { GrantRates, GrantYear } from '$lib/dashboard';

/** the rate fields an admin sets for a calendar year, in the order the form shows them */
export const RATE_FIELDS = [
	'year_1',
	'year_2',
	'year_3',
	'year_4',
	'year_5',
	'child_extra',
	'elderly_extra',
	'unaccompanied_extra'
] as const satisfies readonly (keyof GrantRates)[];

export type RateField = (typeof RATE_FIELDS)[number];

/** a year's total expected income: settled and expected together */
export const totalOf = (y: GrantYear) => y.settled + y.expected;

/** the chart's rows: one per calendar year, settled first, expected second */
export function grantChartRows(years: readonly GrantYear[]): { label: string; values: number[] }[] {
	return years.map((y) => ({ label: String(y.year), values: [y.settled, y.expected] }));
}

/** which of the years' rates are missing (nothing to forecast with) or the demo's examples */
export function rateNotes(years: readonly GrantYear[]): { missing: number[]; examples: number[] } {
	return {
		missing: years.filter((y) => y.rates === null).map((y) => y.year),
		examples: years.filter((y) => y.rates?.example).map((y) => y.year)
	};
}

/**
 * The grant for one person in one calendar year, by the same rule as SQL: the year's rate for
 * the settlement year (1 to 5; outside those none), plus the child or elderly extra in the
 * first year and the unaccompanied minor's extra in each of the five (instead of the child's).
 */
export function grantFor(rates: GrantRates, settlementYear: number, person: 'adult' | 'child' | 'elderly' | 'unaccompanied'): number {
	if (settlementYear < 1 || settlementYear > 5) return 0;
	const base = rates[`year_${settlementYear}` as `year_${1 | 2 | 3 | 4 | 5}`];
	const first = settlementYear === 1;
	if (person === 'unaccompanied') return base + rates.unaccompanied_extra;
	if (person === 'child' && first) return base + rates.child_extra;
	if (person === 'elderly' && first) return base + rates.elderly_extra;
	return base;
}
