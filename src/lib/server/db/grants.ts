// The integration grant's rates per calendar year (grant_rates, 20261205040000_integration_grant.sql).
import { z } from 'zod';
import type { GrantRates } from '$lib/dashboard';
import { RATE_FIELDS } from '$lib/grants';
import { db } from './client';
import { shape } from './shape';

export type YearRates = GrantRates & { year: number };

const rowShape: z.ZodType<YearRates[]> = z.array(
	z.object({
		year: z.number().int(),
		...(Object.fromEntries(RATE_FIELDS.map((f) => [f, z.number().int()])) as Record<(typeof RATE_FIELDS)[number], z.ZodNumber>),
		example: z.boolean()
	})
);

/** every year's rates, the latest first */
export async function list(): Promise<YearRates[]> {
	const { data, error } = await db()
		.from('grant_rates')
		.select(`year, ${RATE_FIELDS.join(', ')}, example`)
		.order('year', { ascending: false })
		.limit(200);
	if (error) throw new Error(`reading the grant rates: ${error.message}`);
	return shape('grant_rates', rowShape, data);
}

/** a year's rates, stored whole; no longer an example */
export async function save(year: number, rates: Record<(typeof RATE_FIELDS)[number], number>) {
	const { error } = await db().rpc('save_grant_rates', {
		p_year: year,
		p_year_1: rates.year_1,
		p_year_2: rates.year_2,
		p_year_3: rates.year_3,
		p_year_4: rates.year_4,
		p_year_5: rates.year_5,
		p_child_extra: rates.child_extra,
		p_elderly_extra: rates.elderly_extra,
		p_unaccompanied_extra: rates.unaccompanied_extra
	});
	if (error) throw new Error(`saving the grant rates: ${error.message}`);
}
