import { csvResponse } from '$lib/server/reports/csv';
import { dwellingsCsv } from '$lib/server/reports/files';
import type { RequestHandler } from './$types';

// every dwelling sent in (the hooks have checked the policy)
export const GET: RequestHandler = async () => csvResponse(`bustader-${new Date().toISOString().slice(0, 10)}.csv`, await dwellingsCsv());
