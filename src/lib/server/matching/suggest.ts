// Ranked suggestions with their reasons: dwellings for one household, households for one
// dwelling. A pair the landlord declined is not suggested again (until staff reopen it).
import { declined, feasible } from './constraints';
import { score } from './score';
import type { DwellingInput, HouseholdInput, MatchingContext, Scored } from './types';

export function dwellingsFor<D extends DwellingInput>(
	h: HouseholdInput,
	dwellings: D[],
	ctx: MatchingContext
): ({ dwelling: D } & Scored)[] {
	return dwellings
		.filter((d) => feasible(h, d, ctx) && !declined(h, d, ctx))
		.map((d) => ({ dwelling: d, ...score(h, d, ctx) }))
		.sort((a, b) => b.total - a.total);
}

export function householdsFor(
	d: DwellingInput,
	households: HouseholdInput[],
	ctx: MatchingContext
): ({ household: HouseholdInput } & Scored)[] {
	return households
		.filter((h) => feasible(h, d, ctx) && !declined(h, d, ctx))
		.map((h) => ({ household: h, ...score(h, d, ctx) }))
		.sort((a, b) => b.total - a.total);
}
