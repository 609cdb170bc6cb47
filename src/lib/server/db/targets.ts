import { db } from './client';

/** Persons IMDi asks the municipality to settle in the given year, if set. */
export async function forYear(year: number): Promise<number | null> {
	const { data, error } = await db().from('yearly_targets').select('persons').eq('year', year).maybeSingle();
	if (error) throw new Error(`reading the target for ${year}: ${error.message}`);
	return data?.persons ?? null;
}
