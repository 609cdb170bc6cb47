import * as needsAction from '$lib/server/db/needs-action';
import type { PageServerLoad } from './$types';

// "needs action", the staff's start page: one database call (public.needs_action); ?mine=1
// keeps the items of the households this person is caseworker for (and those of nobody's)
export const load: PageServerLoad = async ({ locals, url }) => {
	const mine = url.searchParams.get('mine') === '1';
	const items = await needsAction.items(mine ? locals.user!.id : null);
	const counts = needsAction.KINDS.map((kind) => ({ kind, count: items.filter((i) => i.kind === kind).length })).filter((c) => c.count > 0);
	return { items, counts, mine, now: new Date().toISOString() };
};
