import { csvResponse } from '$lib/server/files/csv';
import { dwellingsCsv } from '$lib/server/files/reports-csv';
import type { RequestHandler } from './$types';

// every dwelling sent in (the hooks have checked the policy)
export const GET: RequestHandler = async () => csvResponse(`bustader-${new Date().toISOString().slice(0, 10)}.csv`, await dwellingsCsv());
