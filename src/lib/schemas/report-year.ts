import { z } from 'zod';
import { yearInOslo } from '$lib/dates';

// the year the dashboard and the reports show, from the URL (?year=2026); anything else
// (missing, not a year) is this year in Oslo
export const reportYearSchema = z.object({
	year: z.coerce
		.number()
		.int()
		.min(2000)
		.max(2100)
		.catch(() => yearInOslo())
});

export const reportYear = (params: URLSearchParams): number => reportYearSchema.parse({ year: params.get('year') ?? undefined }).year;
