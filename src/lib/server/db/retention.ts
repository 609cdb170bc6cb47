// Retention: households settled more than the admin's number of months ago are anonymised
// by the hourly job; staff see what comes next (days and counts, nothing that identifies).
import { db } from './client';

export const DEFAULT_MONTHS = 24;

export async function months(): Promise<number> {
	const { data, error } = await db().rpc('retention_months');
	if (error) throw new Error(`reading the retention period: ${error.message}`);
	return data ?? DEFAULT_MONTHS;
}

export async function setMonths(value: number) {
	const { error } = await db().rpc('save_retention', { p_months: value });
	if (error) throw new Error(`saving the retention period: ${error.message}`);
}

/** anonymise every household that is due; returns how many */
export async function run(): Promise<number> {
	const { data, error } = await db().rpc('anonymise_settled_households');
	if (error) throw new Error(`anonymising settled households: ${error.message}`);
	return data;
}

/** the next days on which households will be anonymised, with how many */
export async function preview(limit = 12): Promise<{ dueOn: string; households: number; persons: number }[]> {
	const { data, error } = await db().rpc('retention_preview', { p_limit: limit });
	if (error) throw new Error(`previewing retention: ${error.message}`);
	return data.map((r) => ({ dueOn: r.due_on, households: r.households, persons: r.persons }));
}
