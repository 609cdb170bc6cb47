import * as targets from './targets';
import { DEFAULT_MONTHS } from './retention';
import { z } from 'zod';
import { db } from './client';
import { rentCaps, shape } from './shape';

export async function save(input: { year: number; target: number; rentCaps: { persons: number; max_rent_nok: number }[] }) {
	const { error } = await db().rpc('save_settings', { p_year: input.year, p_target: input.target, p_rent_caps: input.rentCaps });
	if (error) throw new Error(`saving settings: ${error.message}`);
	targets.forget();
}

// settings_page (20261127110000_page_reads.sql)
const pageShape = z.object({
	target: z.number().int().nullable(),
	rent_caps: rentCaps,
	crowded_margin: z.number().nullable(),
	matching_weights: z.record(z.string(), z.number()).nullable(),
	proposal_wait_days: z.number().int().nullable(),
	retention_months: z.number().int().nullable(),
	approval_needs_inspection: z.boolean().nullable()
});

export type Overview = {
	target: number | null;
	rentCaps: Map<number, number>;
	crowdedMargin: number;
	weights: Record<string, number> | null;
	proposalWaitDays: number;
	retentionMonths: number;
	approvalNeedsInspection: boolean;
};

/** the admin's settings page in one round trip: the year's target, rent caps, matching and retention */
export async function overview(year: number): Promise<Overview> {
	const { data, error } = await db().rpc('settings_page', { p_year: year });
	if (error) throw new Error(`reading the settings: ${error.message}`);
	const o = shape('settings_page', pageShape, data);
	return {
		target: o.target ?? null,
		rentCaps: new Map(o.rent_caps.map((c) => [c.persons, c.max_rent_nok])),
		crowdedMargin: o.crowded_margin ?? 0,
		weights: o.matching_weights ?? null,
		proposalWaitDays: o.proposal_wait_days ?? 5,
		retentionMonths: o.retention_months ?? DEFAULT_MONTHS,
		approvalNeedsInspection: o.approval_needs_inspection ?? true
	};
}

export async function saveMatching(crowdedMargin: number, weights: Record<string, number>, proposalWaitDays: number) {
	const { error } = await db().rpc('save_matching_settings', {
		p_crowded_margin: crowdedMargin,
		p_weights: weights,
		p_proposal_wait_days: proposalWaitDays
	});
	if (error) throw new Error(`saving matching settings: ${error.message}`);
}
