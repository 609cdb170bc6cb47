import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { householdSchema, toNewHousehold } from '$lib/schemas/household';
import * as households from '$lib/server/db/households';
import { readForm, typedValues } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const form = readForm(householdSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		let id: string;
		try {
			id = await households.create(toNewHousehold(form.data));
		} catch (e) {
			if (e instanceof households.DuplicateReferenceError)
				return fail(409, { values: typedValues(formData), errors: { imdi_reference: m.hh_duplicate() } });
			throw e;
		}
		redirect(303, `/staff/households/${id}?created`);
	}
};
