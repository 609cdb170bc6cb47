import { csvResponse } from '$lib/server/files/csv';
import { transportCsv } from '$lib/server/files/reports-csv';
import type { RequestHandler } from './$types';

// the transport authority's report as a file (the hooks have checked the policy)
export const GET: RequestHandler = async () => csvResponse(`buss-${new Date().toISOString().slice(0, 10)}.csv`, await transportCsv());
