// The staff dashboard: one call to public.dashboard(year), which counts everything in SQL
// (see the dashboard_reports migration for what each number means).
import type { Summary } from '$lib/dashboard';
import { db } from './client';

export type { Summary };

export async function summary(year: number): Promise<Summary> {
	const { data, error } = await db().rpc('dashboard', { p_year: year });
	if (error) throw new Error(`reading the dashboard: ${error.message}`);
	return data as unknown as Summary;
}
