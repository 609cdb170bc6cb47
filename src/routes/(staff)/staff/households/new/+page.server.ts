import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { householdSchema, toNewHousehold } from '$lib/schemas/household';
import * as households from '$lib/server/db/households';
import { invalid, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

// the staff to choose a responsible caseworker from (optional when registering)
export const load: PageServerLoad = async () => ({ caseworkers: await households.caseworkers() });

export const actions: Actions = {
	default: async (event) => {
		const form = await validate(householdSchema, event.request);
		if (!form.valid) return invalid(form);
		let id: string;
		try {
			id = await households.create(toNewHousehold(form.data));
		} catch (e) {
			if (e instanceof households.DuplicateReferenceError) return refuseField(form, 'imdi_reference', m.hh_duplicate(), 409);
			if (e instanceof households.CaseworkerNotStaffError) return refuseField(form, 'caseworker_id', m.hh_caseworker_not_staff());
			throw e;
		}
		redirect(303, `/staff/households/${id}?created`);
	}
};
