import { csvResponse } from '$lib/server/reports/csv';
import { householdsCsv } from '$lib/server/reports/files';
import type { RequestHandler } from './$types';

// every household as it stands; each read is audited (the hooks have checked the policy)
export const GET: RequestHandler = async ({ locals }) =>
	csvResponse(`hushald-${new Date().toISOString().slice(0, 10)}.csv`, await householdsCsv(locals.user!.id));
