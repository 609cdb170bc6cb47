// Arithmetic of the staff dashboard on numbers counted in SQL (db/dashboard.ts): the
// forecast at the current pace, and how full each district's schools are. Pure, so the
// rules can be tested without a database.
import { Constants, type Database } from '$lib/database.types';

/** days in a calendar year */
const daysIn = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;

/**
 * Persons settled by the end of the year if the pace so far holds. A past year is what it
 * was; a year not yet begun has no pace (null). `today` is an ISO date in Oslo time.
 */
export function forecast(settled: number, year: number, today: string): number | null {
	const [y, mo, d] = today.split('-').map(Number);
	if (year < y) return settled;
	if (year > y) return null;
	const dayOfYear = (Date.UTC(y, mo - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
	return Math.round((settled / dayOfYear) * daysIn(year));
}

/** the school stages of public.school_stage, the one definition of which age needs which */
export type Stage = Database['public']['Enums']['school_stage'];
export const STAGES: readonly Stage[] = Constants.public.Enums.school_stage;

export type DistrictCounts = {
	id: string;
	name: string;
	kindergarten_places: number;
	primary_places: number;
	lower_secondary_places: number;
	kindergarten_expected: number;
	primary_expected: number;
	lower_secondary_expected: number;
	placed: number;
};

/** ok: room in every stage; full: no place left in some stage; over: more children coming than places */
export type Capacity = 'ok' | 'full' | 'over';

export type DistrictLoad = {
	id: string;
	name: string;
	stages: { stage: Stage; places: number; expected: number; left: number }[];
	places: number;
	expected: number;
	placed: number;
	capacity: Capacity;
};

/**
 * Free places are what staff last registered; the children expected are those of matched
 * households on their way into the district, who will take places that are free today.
 */
export function districtLoad(d: DistrictCounts): DistrictLoad {
	const stages = STAGES.map((stage) => {
		const places = d[`${stage}_places`];
		const expected = d[`${stage}_expected`];
		return { stage, places, expected, left: places - expected };
	});
	const capacity: Capacity = stages.some((s) => s.left < 0) ? 'over' : stages.some((s) => s.left === 0) ? 'full' : 'ok';
	return {
		id: d.id,
		name: d.name,
		stages,
		places: stages.reduce((n, s) => n + s.places, 0),
		expected: stages.reduce((n, s) => n + s.expected, 0),
		placed: d.placed,
		capacity
	};
}

type Enums = Database['public']['Enums'];

export type Summary = {
	year: number;
	/** Oslo's date, yyyy-mm-dd */
	today: string;
	target: number | null;
	progress: {
		/** settled in the year, family reunification not counted */
		settled_persons: number;
		settled_households: number;
		/** settled in the year, shown apart and never counted */
		family_reunification_persons: number;
		/** matched or contract signed, not yet settled (counted categories) */
		matched_persons: number;
		/** expected, no dwelling yet (counted categories) */
		pipeline_persons: number;
		by_month: { month: number; persons: number }[];
		by_category: { category: Enums['household_category']; households: number; persons: number }[];
	};
	housing: {
		by_status: { status: Enums['dwelling_status']; dwellings: number; beds: number }[];
		beds_available: number;
		stale: number;
		over_rent_cap: number;
	};
	districts: DistrictCounts[];
	volunteers: {
		registered: number;
		active: number;
		open_tasks: number;
		short_next_7_days: { id: string; title: string; starts_at: string; needed: number; confirmed: number }[];
		hours_this_month: number;
		hours_awaiting_approval: number;
		certificates_expiring: number;
	};
	/** the integration grant expected in the year and the next (public.grant_forecast) */
	grants: GrantYear[];
};

/** the rates of one calendar year, kroner per person (grant_rates) */
export type GrantRates = {
	year_1: number;
	year_2: number;
	year_3: number;
	year_4: number;
	year_5: number;
	child_extra: number;
	elderly_extra: number;
	unaccompanied_extra: number;
	/** the demo's example rates, not the municipality's own */
	example: boolean;
};

/** one calendar year's expected grant income, in kroner */
export type GrantYear = {
	year: number;
	/** null: no rates set for the year, so every amount is 0 */
	rates: GrantRates | null;
	/** from households settled */
	settled: number;
	/** from households expected, matched or with a contract, by their expected arrival */
	expected: number;
	persons_settled: number;
	persons_expected: number;
	/** persons and amount by year of settlement, 1 to 5 */
	by_settlement_year: { settlement_year: number; persons: number; amount: number }[];
};
