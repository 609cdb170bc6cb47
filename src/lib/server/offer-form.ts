// Saving and sending in the offer form: the same for a landlord's new offer, a landlord's
// edit, and staff registering the municipality's own dwelling.
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { draftSchema, offerSchema } from '$lib/schemas/dwelling';
import * as dwellings from '$lib/server/db/dwellings';
import * as users from '$lib/server/db/users';
import { invalid, refuse, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';

type Target = { owner: dwellings.Owner; id: string | null; back: (id: string) => string };

async function store(target: Target, request: Request, schema: typeof draftSchema | typeof offerSchema) {
	const form = await validate(schema, request, 'offer');
	if (!form.valid) return { failure: invalid(form) };
	if (target.id === null) return { id: await dwellings.create(target.owner, form.data), form };
	try {
		if (!(await dwellings.update(target.id, target.owner, form.data))) error(404);
	} catch (e) {
		// a crafted post to an offer that is proposed or let: the database keeps its terms
		if (e instanceof dwellings.FrozenError) return { failure: refuse(form, m.dw_frozen_refused()) };
		throw e;
	}
	return { id: target.id, form };
}

/** save without sending in; an offer past the draft stage must stay complete */
export async function saveDraft(target: Target, request: Request, complete = false) {
	const saved = await store(target, request, complete ? offerSchema : draftSchema);
	if ('failure' in saved) return saved.failure;
	redirect(303, `${target.back(saved.id)}?saved`);
}

/** save and send in as one call: when the database refuses to send it in, nothing is saved */
export async function submitOffer(target: Target, request: Request) {
	const form = await validate(offerSchema, request, 'offer');
	if (!form.valid) return invalid(form);
	let id: string | null;
	try {
		id = await dwellings.saveAndSubmit(target.id, target.owner, form.data);
	} catch (e) {
		if (e instanceof dwellings.FrozenError) return refuse(form, m.dw_frozen_refused());
		// the page shows the way to the account page, where the phone is given (phoneNeeded)
		if (e instanceof dwellings.PhoneMissingError) return refuse(form, m.dw_phone_missing());
		if (e instanceof dwellings.TransitionError) return refuse(form, m.dw_transition_refused());
		throw e;
	}
	if (id === null) error(404);
	nudge();
	redirect(303, `${target.back(id)}?submitted`);
}

/** a landlord who has not given a phone number yet cannot send an offer in: their pages say
 * so before they fill the form, with a link to the account page where it is given */
export async function phoneNeeded(landlordId: string): Promise<boolean> {
	return (await users.phoneOf(landlordId)).trim() === '';
}
