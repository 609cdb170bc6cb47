import { districtLoad, forecast } from '$lib/dashboard';
import { reportYear } from '$lib/schemas/report-year';
import * as dashboard from '$lib/server/db/dashboard';
import type { PageServerLoad } from './$types';

// the dashboard: one database call (public.dashboard) for the whole page
export const load: PageServerLoad = async (event) => {
	const year = reportYear(event.url.searchParams);
	const summary = await dashboard.summary(year);
	return {
		summary,
		forecast: forecast(summary.progress.settled_persons, year, summary.today),
		districts: summary.districts.map(districtLoad)
	};
};
