// Retention: households settled or cancelled more than the admin's number of months ago are
// anonymised by the hourly job; staff see what comes next (days and counts, nothing that identifies).
import { z } from 'zod';
import { db } from './client';
import { shape } from './shape';

export const DEFAULT_MONTHS = 24;

// retention_overview (20261127110000_page_reads.sql)
const overviewShape = z.object({
	months: z.number().int().nullable(),
	upcoming: z.array(z.object({ due_on: z.string(), households: z.number().int(), persons: z.number().int() }))
});

export async function setMonths(value: number) {
	const { error } = await db().rpc('save_retention', { p_months: value });
	if (error) throw new Error(`saving the retention period: ${error.message}`);
}

/** anonymise every household that is due, settled or cancelled; returns how many */
export async function run(): Promise<number> {
	const { data, error } = await db().rpc('anonymise_settled_households');
	if (error) throw new Error(`anonymising households: ${error.message}`);
	return data;
}

/** the retention period and the next days of anonymisation, in one round trip */
export async function overview(
	limit = 12
): Promise<{ months: number; upcoming: { dueOn: string; households: number; persons: number }[] }> {
	const { data, error } = await db().rpc('retention_overview', { p_limit: limit });
	if (error) throw new Error(`previewing retention: ${error.message}`);
	const o = shape('retention_overview', overviewShape, data);
	return {
		months: o.months ?? DEFAULT_MONTHS,
		upcoming: o.upcoming.map((r) => ({ dueOn: r.due_on, households: r.households, persons: r.persons }))
	};
}
