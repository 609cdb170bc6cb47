import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { userOf } from '$lib/server/auth/authorize';
import * as matches from '$lib/server/db/matches';
import * as matching from '$lib/server/db/matching';
import { refuseField, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import { batch, score, type Pair } from '$lib/server/matching';
import type { Actions, PageServerLoad } from './$types';

// pairs travel in the URL as "household:dwelling", so locking and excluding work as links
const pairsFrom = (values: string[]): Pair[] =>
	values
		.map((v) => v.split(':'))
		.filter((p) => p.length === 2 && p.every((x) => /^[0-9a-f-]{36}$/.test(x)))
		.map(([householdId, dwellingId]) => ({ householdId, dwellingId }));

export const load: PageServerLoad = async (event) => {
	const locked = pairsFrom(event.url.searchParams.getAll('lock'));
	const excluded = pairsFrom(event.url.searchParams.getAll('exclude'));
	const { ctx, households, dwellings, references } = await matching.data();
	const result = batch(households, dwellings, ctx, { locked, excluded });
	const address = new Map(dwellings.map((d) => [d.id, d.address]));
	return {
		locked: event.url.searchParams.getAll('lock'),
		excluded: event.url.searchParams.getAll('exclude'),
		total: result.total,
		assignments: result.assignments.map((a) => ({
			...a,
			reference: references.get(a.householdId) ?? a.householdId,
			address: address.get(a.dwellingId) ?? ''
		})),
		unplaced: result.unplaced.map((u) => ({ ...u, reference: references.get(u.householdId) ?? u.householdId })),
		proposed: proposedCount(event.url.searchParams.get('proposed'))
	};
};

// how many the last post proposed (?proposed=N, from the action's redirect)
const proposedCount = (value: string | null) => (value !== null && /^\d{1,4}$/.test(value) ? Number(value) : null);

// the pairs ticked (checkboxes named "pair", household:dwelling); none is ticked until
// staff tick it, since each one proposed mails its landlord
const proposeSchema = z.object({ pair: z.array(z.string()).default([]) });

export const actions: Actions = {
	propose: async (event) => {
		const staff = userOf(event);
		const form = await validate(proposeSchema, event.request);
		const chosen = pairsFrom(form.data.pair ?? []);
		if (!chosen.length) return refuseField(form, 'pair', m.matching_none_chosen());
		const { ctx, households, dwellings } = await matching.data();
		let proposed = 0;
		for (const pair of chosen) {
			const h = households.find((x) => x.id === pair.householdId);
			const d = dwellings.find((x) => x.id === pair.dwellingId);
			if (!h || !d) continue;
			const scored = score(h, d, ctx);
			try {
				await matches.propose({ ...pair, staffId: staff.id, score: scored.total, reasons: scored.reasons });
				proposed++;
			} catch (e) {
				// someone else proposed one of them meanwhile: the rest still go
				if (!(
					e instanceof matches.AlreadyProposedError ||
					e instanceof matches.NotAvailableError ||
					e instanceof matches.DeclinedPairError
				))
					throw e;
			}
		}
		nudge();
		redirect(303, `/staff/matching?proposed=${proposed}`);
	}
};
