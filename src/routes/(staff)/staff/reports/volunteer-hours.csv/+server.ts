import { reportYear } from '$lib/schemas/report-year';
import { csvResponse } from '$lib/server/files/csv';
import { volunteerHoursCsv } from '$lib/server/files/reports-csv';
import type { RequestHandler } from './$types';

// volunteer hours per month and task type (the hooks have checked the policy)
export const GET: RequestHandler = async ({ url }) => {
	const year = reportYear(url.searchParams);
	return csvResponse(`frivillige-timar-${year}.csv`, await volunteerHoursCsv(year));
};
