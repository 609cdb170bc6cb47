// Rows of supabase/seed.sql: its ids are md5 of a readable key.
import { createHash } from 'node:crypto';

export function seedId(key: string): string {
	const h = createHash('md5').update(key).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** the landlord login of seeded dwelling n (landlords take turns over the dwellings) */
export const landlordOfDwelling = (n: number) => {
	const landlord = 1 + ((n - 1) % 12);
	return landlord === 1 ? 'utleigar@example.no' : `utleigar${String(landlord).padStart(2, '0')}@example.no`;
};
