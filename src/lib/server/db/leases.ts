// The lease of a household's confirmed match (issue 20, item 3): recorded by staff, the
// household's settled date following its move-in day (record_lease), and the page that
// shows it beside the offer's terms with where they differ (lease_page).
import { z } from 'zod';
import type { Lease } from '$lib/schemas/lease';
import { DEPOSIT_PAYERS } from '$lib/schemas/lease';
import { db } from './client';
import { maybeInt, maybeText, shape } from './shape';

const leaseShape = z.object({
	starts_on: z.string(),
	ends_on: maybeText,
	rent_nok: z.number().int(),
	deposit_nok: z.number().int(),
	deposit_payer: z.enum(DEPOSIT_PAYERS),
	guarantee_until: maybeText,
	move_in_on: z.string(),
	updated_at: z.string()
});
const pageShape = z
	.object({
		household: z.object({ id: z.string(), imdi_reference: z.string(), status: z.string(), settled_on: maybeText }),
		home: z
			.object({
				dwelling_id: z.string(),
				street: z.string(),
				place: z.string(),
				rent_nok: maybeInt,
				deposit_nok: maybeInt,
				max_occupants: maybeInt,
				lease: leaseShape.nullable(),
				warnings: z.object({ rent_differs: z.boolean(), deposit_differs: z.boolean(), over_cap: z.boolean() }).nullable()
			})
			.nullable()
	})
	.nullable();
export type LeasePage = NonNullable<z.output<typeof pageShape>>;

/** the household's lease page, or null: no such household; the read is logged (same call) */
export async function page(householdId: string, readerId: string): Promise<LeasePage | null> {
	const { data, error } = await db().rpc('lease_page', { p_household: householdId, p_reader: readerId });
	if (error) throw new Error(`reading a lease: ${error.message}`);
	return shape('lease_page', pageShape, data);
}

/** records or corrects the lease; false: the household has no confirmed match */
export async function record(householdId: string, staffId: string, lease: Lease): Promise<boolean> {
	const { data, error } = await db().rpc('record_lease', {
		p_household: householdId,
		p_staff: staffId,
		p_lease: { ...lease, ends_on: lease.ends_on ?? null, guarantee_until: lease.guarantee_until ?? null }
	});
	if (error) throw new Error(`recording a lease: ${error.message}`);
	return data === true;
}
