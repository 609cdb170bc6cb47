// The hard constraints: a pair that breaks one is never suggested or assigned. Checked as
// a bit mask so the batch can test millions of pairs without allocating.
import type { DwellingInput, HouseholdInput, MatchingContext, Violation } from './types';

const BITS: Violation[] = [
	'not_free',
	'too_small',
	'not_available_in_time',
	'ends_before_arrival',
	'not_step_free',
	'no_pets',
	'not_ground_floor',
	'floor_unknown',
	'too_few_departures',
	'departures_unknown'
];

type Ctx = Pick<MatchingContext, 'crowdedMargin' | 'promisedDwellings'>;

export function violationMask(h: HouseholdInput, d: DwellingInput, ctx: Ctx): number {
	let mask = 0;
	if (d.status !== 'approved' || ctx.promisedDwellings?.has(d.id)) mask |= 1;
	const size = h.members.length;
	if (size > d.maxOccupants + ctx.crowdedMargin || size > d.beds + ctx.crowdedMargin) mask |= 2;
	if (h.expectedArrival) {
		if (d.availableFrom > h.expectedArrival) mask |= 4;
		if (d.availableUntil !== null && d.availableUntil < h.expectedArrival) mask |= 8;
	}
	if (h.needsStepFree && !d.stepFree) mask |= 16;
	if (h.hasPets && !d.petsAllowed) mask |= 32;
	// a ground floor is floor 1 or any floor with a lift; a floor never given does not count
	if (h.needsGroundFloor && !d.lift) {
		if (d.floor === null) mask |= 128;
		else if (d.floor !== 1) mask |= 64;
	}
	// a bus close by is the timetable's figure; a dwelling it says nothing of is not known
	if (h.needsDepartures != null) {
		if (!d.bus) mask |= 512;
		else if (d.bus.departures < h.needsDepartures) mask |= 256;
	}
	return mask;
}

export function violations(h: HouseholdInput, d: DwellingInput, ctx: Ctx): Violation[] {
	const mask = violationMask(h, d, ctx);
	return BITS.filter((_, i) => mask & (1 << i));
}

export const feasible = (h: HouseholdInput, d: DwellingInput, ctx: Ctx) => violationMask(h, d, ctx) === 0;

/** a pair as the context's `declined` set holds it */
export const pairKey = (householdId: string, dwellingId: string) => `${householdId}:${dwellingId}`;

/** the landlord declined this household for this dwelling, and staff have not reopened the pair */
export const declined = (h: { id: string }, d: { id: string }, ctx: Pick<MatchingContext, 'declined'>) =>
	ctx.declined?.has(pairKey(h.id, d.id)) ?? false;
