import { yearInOslo } from '$lib/dates';
import { authorizeLoad } from '$lib/server/auth/authorize';
import * as targets from '$lib/server/db/targets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	authorizeLoad(event);
	// the front page still helps when the database does not answer: it leaves the figure out
	const target = await targets.forYearCached(yearInOslo()).catch((error: Error) => {
		console.error(error.message);
		return null;
	});
	return { target };
};
