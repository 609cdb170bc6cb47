import * as targets from './targets';
import { db } from './client';

export async function save(input: { year: number; target: number; rentCaps: { persons: number; max_rent_nok: number }[] }) {
	const { error } = await db().rpc('save_settings', { p_year: input.year, p_target: input.target, p_rent_caps: input.rentCaps });
	if (error) throw new Error(`saving settings: ${error.message}`);
	targets.forget();
}

export async function matching(): Promise<{ crowdedMargin: number; weights: Record<string, number> | null }> {
	const { data, error } = await db().from('municipality_settings').select('crowded_margin, matching_weights').maybeSingle();
	if (error) throw new Error(`reading matching settings: ${error.message}`);
	return { crowdedMargin: data?.crowded_margin ?? 0, weights: (data?.matching_weights as Record<string, number> | null) ?? null };
}

export async function saveMatching(crowdedMargin: number, weights: Record<string, number>) {
	const { error } = await db().rpc('save_matching_settings', { p_crowded_margin: crowdedMargin, p_weights: weights });
	if (error) throw new Error(`saving matching settings: ${error.message}`);
}
