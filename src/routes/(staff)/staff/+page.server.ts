import { queryOf } from '$lib/schemas/list';
import { needsActionFiltersSchema } from '$lib/schemas/needs-action-filters';
import { userOf } from '$lib/server/auth/authorize';
import * as needsAction from '$lib/server/db/needs-action';
import type { PageServerLoad } from './$types';

// "needs action", the staff's start page: one database call (public.needs_action_page), a
// page of the items oldest first; ?kind= keeps one kind, ?mine=1 the households this person
// is caseworker for (and what belongs to no household)
export const load: PageServerLoad = async (event) => {
	const filters = needsActionFiltersSchema.parse(queryOf(event.url));
	const staff = userOf(event);
	const page = await needsAction.page({ ...filters, mine: filters.mine ? staff.id : null });
	return { filters, ...page, now: new Date().toISOString() };
};
