// The address register (Kartverket's Matrikkelen – Adresse, imported by npm run
// import:addresses): the addresses like a typed one, for the offer form's suggestions and its
// "did you mean" on submit. Public data; the dwelling links itself to its register address in
// the database (public.locate_dwelling), so nothing here writes.
import { z } from 'zod';
import { db } from './client';
import { shape } from './shape';

const address = z.object({ id: z.string(), street: z.string(), postcode: z.string(), place: z.string() });
const suggestions = z.object({ register: z.boolean(), addresses: z.array(address.extend({ exact: z.boolean() })) });
export type RegisterAddress = z.output<typeof address>;

/** up to `limit` register addresses like the typed street, the typed postcode's first; `register`: whether any is imported */
export async function like(street: string, postcode: string, limit = 8) {
	const { data, error } = await db().rpc('address_suggestions', { p_street: street, p_postcode: postcode, p_limit: limit });
	if (error) throw new Error(`reading the address register: ${error.message}`);
	return shape('address_suggestions', suggestions, data);
}

/** one register address by its id; null: not in the register (any more) */
export async function get(id: string): Promise<RegisterAddress | null> {
	const { data, error } = await db().rpc('register_address', { p_id: id });
	if (error) throw new Error(`reading the address register: ${error.message}`);
	return shape('register_address', address.nullable(), data);
}
