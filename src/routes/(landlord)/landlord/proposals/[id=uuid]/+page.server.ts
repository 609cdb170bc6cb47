import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { userOf } from '$lib/server/auth/authorize';
import * as proposals from '$lib/server/db/proposals';
import { invalid, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	const summary = await proposals.summary(event.params.id, user.id);
	if (!summary) error(404);
	return { summary, answered: (['accepted', 'declined'] as const).find((a) => event.url.searchParams.has(a)) ?? null };
};

const reasonSchema = z.object({ reason: z.string().trim().max(1000, 'error_too_long').default('') });

async function answer(event: RequestEvent, accept: boolean) {
	const user = userOf(event);
	const form = await validate(reasonSchema, event.request);
	if (!form.valid) return invalid(form);
	if (!(await proposals.answer(event.params.id, user.id, accept, form.data.reason))) {
		// withdrawn (or answered) while the page was open: the page says what happened
		if (await proposals.summary(event.params.id, user.id)) redirect(303, `/landlord/proposals/${event.params.id}`);
		error(404);
	}
	nudge();
	redirect(303, `/landlord/proposals/${event.params.id}?${accept ? 'accepted' : 'declined'}`);
}

export const actions: Actions = {
	accept: (event) => answer(event, true),
	decline: (event) => answer(event, false)
};
