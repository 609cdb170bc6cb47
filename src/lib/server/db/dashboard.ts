// The staff dashboard: one call to public.dashboard(year), which counts everything in SQL
// (see the dashboard_reports migration for what each number means).
import type { Summary } from '$lib/dashboard';
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { kept } from '$lib/server/kept';
import { db } from './client';
import { shape } from './shape';

export type { Summary };

const Enums = Constants.public.Enums;
const count = z.number();
// public.dashboard(year), as src/lib/dashboard.ts's Summary names it
const summaryShape: z.ZodType<Summary> = z.object({
	year: z.number().int(),
	today: z.string(),
	target: z.number().int().nullable(),
	progress: z.object({
		settled_persons: count,
		settled_households: count,
		family_reunification_persons: count,
		matched_persons: count,
		pipeline_persons: count,
		by_month: z.array(z.object({ month: z.number().int(), persons: count })),
		by_category: z.array(z.object({ category: z.enum(Enums.household_category), households: count, persons: count }))
	}),
	housing: z.object({
		by_status: z.array(z.object({ status: z.enum(Enums.dwelling_status), dwellings: count, beds: count })),
		beds_available: count,
		stale: count,
		over_rent_cap: count
	}),
	districts: z.array(
		z.object({
			id: z.string(),
			name: z.string(),
			kindergarten_places: count,
			primary_places: count,
			lower_secondary_places: count,
			kindergarten_expected: count,
			primary_expected: count,
			lower_secondary_expected: count,
			placed: count
		})
	),
	volunteers: z.object({
		registered: count,
		active: count,
		open_tasks: count,
		short_next_7_days: z.array(z.object({ id: z.string(), title: z.string(), starts_at: z.string(), needed: count, confirmed: count })),
		hours_this_month: count,
		hours_awaiting_approval: count,
		certificates_expiring: count
	}),
	grants: z.array(
		z.object({
			year: z.number().int(),
			rates: z
				.object({
					year_1: count,
					year_2: count,
					year_3: count,
					year_4: count,
					year_5: count,
					child_extra: count,
					elderly_extra: count,
					unaccompanied_extra: count,
					example: z.boolean()
				})
				.nullable(),
			settled: count,
			expected: count,
			persons_settled: count,
			persons_expected: count,
			by_settlement_year: z.array(z.object({ settlement_year: z.number().int(), persons: count, amount: count }))
		})
	)
});

// The year's figures change a few times a day and every staff member opens them: kept for
// 30 s per instance and year (kept.ts: a write through this instance shows at once).
export const SUMMARY_KEPT_MS = 30_000;

export function summary(year: number): Promise<Summary> {
	return kept(`dashboard:${year}`, SUMMARY_KEPT_MS, async () => {
		const { data, error } = await db().rpc('dashboard', { p_year: year });
		if (error) throw new Error(`reading the dashboard: ${error.message}`);
		return shape('dashboard', summaryShape, data);
	});
}
