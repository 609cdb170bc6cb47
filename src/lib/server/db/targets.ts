import { db } from './client';

/** Persons IMDi asks the municipality to settle in the given year, if set. */
export async function forYear(year: number): Promise<number | null> {
	const { data, error } = await db().from('yearly_targets').select('persons').eq('year', year).maybeSingle();
	if (error) throw new Error(`reading the target for ${year}: ${error.message}`);
	return data?.persons ?? null;
}

// The front page shows the target to everyone, on every visit; it changes once a year.
// Kept for a minute in each app instance (an admin's change shows at once on the instance
// that saved it, on the others within the minute).
const CACHE_MS = 60_000;
const cache = new Map<number, { value: number | null; until: number }>();

export async function forYearCached(year: number): Promise<number | null> {
	const hit = cache.get(year);
	if (hit && hit.until > Date.now()) return hit.value;
	const value = await forYear(year);
	cache.set(year, { value, until: Date.now() + CACHE_MS });
	return value;
}

export function forget() {
	cache.clear();
}
