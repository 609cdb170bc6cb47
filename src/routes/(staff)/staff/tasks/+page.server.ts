import { authorizeLoad } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	authorizeLoad(event);
	return { tasks: await staffTasks.upcoming(), created: event.url.searchParams.has('created') };
};
