import { reportYear } from '$lib/schemas/report-year';
import { csvResponse } from '$lib/server/files/csv';
import { settledCsv } from '$lib/server/files/reports-csv';
import type { RequestHandler } from './$types';

// settled persons per month and category, for IMDi (the hooks have checked the policy)
export const GET: RequestHandler = async ({ url }) => {
	const year = reportYear(url.searchParams);
	return csvResponse(`busette-${year}.csv`, await settledCsv(year));
};
