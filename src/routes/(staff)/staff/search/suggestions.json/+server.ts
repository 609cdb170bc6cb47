// Suggestions as staff type in the search box (when JavaScript runs): the same search, a few
// of each kind, as labels and links only. The hook lets only staff here (policy.ts); each
// household suggested is logged as a read, as on the search page.
import { json } from '@sveltejs/kit';
import { queryOf } from '$lib/schemas/list';
import { searchSchema } from '$lib/schemas/search';
import { userOf } from '$lib/server/auth/authorize';
import * as search from '$lib/server/db/search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const staff = userOf(event);
	const { q } = searchSchema.parse(queryOf(event.url));
	if (q.length < 2) return json({ suggestions: [] });
	const hits = await search.staff(q, staff.id, 5);
	const address = (d: { street: string | null; place: string | null }) => [d.street, d.place].filter(Boolean).join(', ');
	// the text to search for, and what the suggestion says
	const suggestions = [
		...hits.households.map((h) => ({ value: h.imdi_reference, label: [h.imdi_reference, h.contact_name].filter(Boolean).join(' – ') })),
		...hits.dwellings.map((d) => ({ value: address(d), label: address(d) })),
		...[...hits.landlords, ...hits.volunteers].map((p) => ({ value: p.email, label: `${p.name} <${p.email}>` }))
	];
	return json({ suggestions }, { headers: { 'cache-control': 'no-store' } });
};
