import { userOf } from '$lib/server/auth/authorize';
import * as dwellings from '$lib/server/db/dwellings';
import * as proposals from '$lib/server/db/proposals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	const [mine, open] = await Promise.all([dwellings.listForLandlord(user.id), proposals.forLandlord(user.id)]);
	return {
		dwellings: mine.map((d) => ({ id: d.id, address: [d.street, d.place].filter(Boolean).join(', '), status: d.status })),
		// waiting for the landlord's answer, and said yes to (waiting for staff)
		waiting: open.filter((p) => p.status === 'proposed'),
		answered: open.filter((p) => p.status === 'accepted_by_landlord')
	};
};
