import { reportYear } from '$lib/schemas/report-year';
import type { PageServerLoad } from './$types';

// the list of downloads; the year only goes into the links (no personal data in URLs)
export const load: PageServerLoad = (event) => {
	return { year: reportYear(event.url.searchParams) };
};
