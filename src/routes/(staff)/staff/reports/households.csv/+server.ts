import { userOf } from '$lib/server/auth/authorize';
import { csvResponse } from '$lib/server/files/csv';
import { householdsCsv } from '$lib/server/files/reports-csv';
import type { RequestHandler } from './$types';

// every household as it stands; each read is audited (the hooks have checked the policy)
export const GET: RequestHandler = async (event) =>
	csvResponse(`hushald-${new Date().toISOString().slice(0, 10)}.csv`, await householdsCsv(userOf(event).id));
