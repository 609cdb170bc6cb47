// Staff's one search (staff_search, 20261205021000_staff_search.sql): households by a part
// of their IMDi reference, contact name or phone; dwellings by address; landlords and
// volunteers by name or e-mail. Every household it answers is logged as a read of it.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { db } from './client';
import { shape } from './shape';

const place = z.object({ id: z.string(), street: z.string().nullable(), place: z.string().nullable() });
const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
const hits = z.object({
	households: z.array(
		z.object({
			id: z.string(),
			imdi_reference: z.string(),
			contact_name: z.string(),
			status: z.enum(Constants.public.Enums.household_status),
			expected_arrival: z.string().nullable()
		})
	),
	dwellings: place.extend({ locality: z.string().nullable(), status: z.enum(Constants.public.Enums.dwelling_status) }).array(),
	landlords: person.extend({ dwellings: z.array(place) }).array(),
	volunteers: z.array(person)
});
export type Hits = z.output<typeof hits>;

/** what a member of staff finds, at most `limit` of each kind, best first */
export async function staff(q: string, readerId: string, limit: number): Promise<Hits> {
	const { data, error } = await db().rpc('staff_search', { p_q: q, p_reader: readerId, p_limit: limit });
	if (error) throw new Error(`searching: ${error.message}`);
	return shape('staff_search', hits, data);
}
