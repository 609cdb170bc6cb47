// The hard constraints of a pair live twice: in TypeScript for the matching engine
// (src/lib/server/matching/constraints.ts, fast over millions of pairs) and in SQL for
// confirming a match (public.pair_violations). They must give the same answers: here on
// a thousand generated pairs, with the edges (equal dates, exactly full) made likely.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sql } from '../../scripts/stack/migrate.ts';
import { TERMS } from '../../src/lib/dwelling-terms';
import { violations } from '../../src/lib/server/matching/constraints';
import type { DwellingInput, HouseholdInput } from '../../src/lib/server/matching/types';
import { stackEnv } from '../helpers/env';

// dates a few days apart, so that "the same day" comes up often
const day = fc.integer({ min: 0, max: 20 }).map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));

const pair = fc.record({
	persons: fc.integer({ min: 1, max: 8 }),
	needsStepFree: fc.boolean(),
	hasPets: fc.boolean(),
	expectedArrival: fc.option(day, { nil: null }),
	beds: fc.integer({ min: 1, max: 8 }),
	maxOccupants: fc.integer({ min: 1, max: 8 }),
	stepFree: fc.boolean(),
	petsAllowed: fc.boolean(),
	availableFrom: day,
	availableUntil: fc.option(day, { nil: null }),
	crowdedMargin: fc.integer({ min: 0, max: 3 }),
	needsGroundFloor: fc.boolean(),
	// floor 1 (street level) often, the floors either side, and not given
	floor: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
	lift: fc.boolean(),
	// the bus need around the dwelling's figure, so that "exactly enough" comes up often; no
	// figure: the timetable says nothing of the dwelling
	needsDepartures: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 2 }),
	departures: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 4 })
});
type Pair = typeof pair extends fc.Arbitrary<infer T> ? T : never;

function inTypeScript(p: Pair): string[] {
	const household: HouseholdInput = {
		id: 'h',
		members: Array.from({ length: p.persons }, () => ({ band: 'adult' as const, age: null })),
		needsStepFree: p.needsStepFree,
		needsGroundFloor: p.needsGroundFloor,
		needsHealthCentre: false,
		needsDepartures: p.needsDepartures,
		hasPets: p.hasPets,
		expectedArrival: p.expectedArrival,
		preferredLocalities: [],
		languages: []
	};
	const dwelling: DwellingInput = {
		id: 'd',
		status: 'approved',
		beds: p.beds,
		maxOccupants: p.maxOccupants,
		bedrooms: 1,
		stepFree: p.stepFree,
		floor: p.floor,
		lift: p.lift,
		petsAllowed: p.petsAllowed,
		availableFrom: p.availableFrom,
		availableUntil: p.availableUntil,
		locality: 'Lid',
		districtId: null,
		rent: 0,
		busStopDistanceM: null,
		busDeparturesPerWeekday: null,
		bus: p.departures === null ? null : { stop: 'S', walkM: 100, departures: p.departures, first: null, last: null }
	};
	return violations(household, dwelling, { crowdedMargin: p.crowdedMargin });
}

async function inSql(pairs: Pair[]): Promise<string[][]> {
	const { rows } = await sql(
		stackEnv().databaseUrl,
		`select public.pair_violations(
		   (p ->> 'persons')::int, (p ->> 'needsStepFree')::boolean, (p ->> 'hasPets')::boolean, (p ->> 'expectedArrival')::date,
		   (p ->> 'beds')::int, (p ->> 'maxOccupants')::int, (p ->> 'stepFree')::boolean, (p ->> 'petsAllowed')::boolean,
		   (p ->> 'availableFrom')::date, (p ->> 'availableUntil')::date, (p ->> 'crowdedMargin')::int,
		   (p ->> 'needsGroundFloor')::boolean, (p ->> 'floor')::int, (p ->> 'lift')::boolean,
		   (p ->> 'needsDepartures')::int, (p ->> 'departures')::int
		 ) as broken
		 from jsonb_array_elements($1::jsonb) with ordinality as x (p, n)
		 order by n`,
		[JSON.stringify(pairs)]
	);
	return rows.map((r) => r.broken as string[]);
}

describe('the hard constraints in SQL and in TypeScript', () => {
	it('give the same broken constraints, in the same order, for a thousand generated pairs', async () => {
		const pairs = fc.sample(pair, { numRuns: 1000, seed: 20261201 });
		const fromSql = await inSql(pairs);
		const disagreements = pairs
			.map((p, i) => ({ pair: p, ts: inTypeScript(p), sql: fromSql[i] }))
			.filter((x) => x.ts.join() !== x.sql.join());
		expect(disagreements.slice(0, 5)).toEqual([]);
		// the sample reaches every constraint, broken and kept
		for (const v of [
			'too_small',
			'not_available_in_time',
			'ends_before_arrival',
			'not_step_free',
			'no_pets',
			'not_ground_floor',
			'floor_unknown',
			'too_few_departures',
			'departures_unknown'
		]) {
			expect(
				fromSql.some((b) => b.includes(v)),
				v
			).toBe(true);
			expect(
				fromSql.some((b) => !b.includes(v)),
				v
			).toBe(true);
		}
	});

	it('freeze the same terms of an offer as the pages show', async () => {
		const { rows } = await sql(
			stackEnv().databaseUrl,
			`select array(select k from jsonb_object_keys(public.dwelling_terms(d)) as k order by k collate "C") as keys
			 from public.dwellings d limit 1`
		);
		expect(rows[0].keys).toEqual([...TERMS].sort());
	});
});
