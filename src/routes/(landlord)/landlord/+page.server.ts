import { userOf } from '$lib/server/auth/authorize';
import * as dwellings from '$lib/server/db/dwellings';
import * as proposals from '$lib/server/db/proposals';
import { kept } from '$lib/server/kept';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	// the landlord's own offers and proposals, kept 10 s in this instance (kept.ts: the
	// landlord's own changes show at once; a staff member's on another instance within 10 s)
	const [mine, open] = await kept(`landlord:${user.id}`, 10_000, () =>
		Promise.all([dwellings.listForLandlord(user.id), proposals.forLandlord(user.id)])
	);
	return {
		dwellings: mine.map((d) => ({ id: d.id, address: [d.street, d.place].filter(Boolean).join(', '), status: d.status })),
		// waiting for the landlord's answer, and said yes to (waiting for staff)
		waiting: open.filter((p) => p.status === 'proposed'),
		answered: open.filter((p) => p.status === 'accepted_by_landlord')
	};
};
