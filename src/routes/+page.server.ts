import { yearInOslo } from '$lib/dates';
import * as targets from '$lib/server/db/targets';
import { errorFields, log } from '$lib/server/log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// the front page still helps when the database does not answer: it leaves the figure out
	const target = await targets.forYearCached(yearInOslo()).catch((error: Error) => {
		log().warn({ requestId: event.locals.requestId, err: errorFields(error) }, 'front page without the target');
		return null;
	});
	// the account page comes here after erasing an account (?deleted), which the page confirms
	return { target, deleted: event.url.searchParams.has('deleted') };
};
