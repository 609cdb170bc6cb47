import * as reports from '$lib/server/db/reports';
import type { PageServerLoad } from './$types';

// counts per locality, no address or household (the hooks have checked the policy)
export const load: PageServerLoad = async () => ({ report: await reports.transport() });
