import { db } from './client';

export async function save(input: { year: number; target: number; rentCaps: { persons: number; max_rent_nok: number }[] }) {
	const { error } = await db().rpc('save_settings', { p_year: input.year, p_target: input.target, p_rent_caps: input.rentCaps });
	if (error) throw new Error(`saving settings: ${error.message}`);
}
