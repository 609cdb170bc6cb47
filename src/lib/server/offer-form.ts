// Saving and sending in the offer form: the same for a landlord's new offer, a landlord's
// edit, and staff registering the municipality's own dwelling.
import { error, fail, redirect } from '@sveltejs/kit';
import { placeName } from '$lib/address';
import { m } from '$lib/paraglide/messages';
import { draftSchema, offerSchema } from '$lib/schemas/dwelling';
import * as addresses from '$lib/server/db/addresses';
import * as dwellings from '$lib/server/db/dwellings';
import * as users from '$lib/server/db/users';
import { invalid, refuse, refuseField, validate, type Form } from '$lib/server/form';
import { nudge } from '$lib/server/mail';

type Target = { owner: dwellings.Owner; id: string | null; back: (id: string) => string };

/**
 * the typed address against the address register, before an offer is sent in (or a sent one
 * changed): a register address chosen under "did you mean" replaces what was typed; one the
 * register has, or one said to be right as typed (a new street the register lacks: staff then
 * place the dwelling), passes. Anything else is sent back with the register's addresses like
 * it to choose from. No register imported: nothing to check against.
 */
async function checkAddress(form: Form<typeof offerSchema> | Form<typeof draftSchema>, posted: FormData) {
	const { street, postcode } = form.data;
	if (!street || !postcode) return null;
	const choice = String(posted.get('address_choice') ?? '');
	if (choice === 'typed') return null;
	const chosen = choice ? await addresses.get(choice) : null;
	if (chosen) {
		Object.assign(form.data, { street: chosen.street, postcode: chosen.postcode, place: placeName(chosen.place) });
		return null;
	}
	const found = await addresses.like(street, postcode, 6);
	if (!found.register || found.addresses.some((a) => a.exact)) return null;
	refuseField(form, 'street', m.dw_address_not_found());
	return fail(400, { form, addressSuggestions: found.addresses.map(({ exact: _, ...a }) => ({ ...a, place: placeName(a.place) })) });
}

async function store(target: Target, request: Request, schema: typeof draftSchema | typeof offerSchema) {
	const posted = await request.formData();
	const form = await validate(schema, posted, 'offer');
	if (!form.valid) return { failure: invalid(form) };
	// a draft may hold a half-typed address; a complete offer's is checked
	const unknown = schema === offerSchema ? await checkAddress(form, posted) : null;
	if (unknown) return { failure: unknown };
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
	const posted = await request.formData();
	const form = await validate(offerSchema, posted, 'offer');
	if (!form.valid) return invalid(form);
	const unknown = await checkAddress(form, posted);
	if (unknown) return unknown;
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
