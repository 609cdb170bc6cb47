// Staff put a household's record right: every field of the registration form and its
// members. The change is one transaction and the audit log has it with before/after
// (update_household); whether an open proposal still fits is said on the household's page
// after saving, with the button to withdraw it.
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { fromHousehold, householdSchema, toNewHousehold } from '$lib/schemas/household';
import { userOf } from '$lib/server/auth/authorize';
import * as households from '$lib/server/db/households';
import { formFrom, invalid, refuse, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	// the record, and the read written to the audit log, as on the household's page
	const record = await households.read(event.params.id, staff.id);
	if (!record) error(404);
	const { household, history } = record;
	const open = history.find((h) => h.status === 'proposed' || h.status === 'accepted_by_landlord');
	return {
		id: household.id,
		reference: household.imdi_reference,
		editable: households.editable(household),
		// the open proposal the change may no longer fit
		proposal: open?.dwelling ? `${open.dwelling.street}, ${open.dwelling.place}` : null,
		caseworkers: record.staff,
		form: await formFrom(householdSchema, fromHousehold(household))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await validate(householdSchema, event.request);
		if (!form.valid) return invalid(form);
		try {
			if (!(await households.update(event.params.id, toNewHousehold(form.data)))) return refuse(form, m.hh_not_editable());
		} catch (e) {
			if (e instanceof households.DuplicateReferenceError) return refuseField(form, 'imdi_reference', m.hh_duplicate(), 409);
			if (e instanceof households.CaseworkerNotStaffError) return refuseField(form, 'caseworker_id', m.hh_caseworker_not_staff());
			if (e instanceof households.ProfessionalInterpreterError)
				return refuseField(form, 'interpreter_need', m.hh_interpreter_open_task(), 409);
			throw e;
		}
		redirect(303, `/staff/households/${event.params.id}?edited`);
	}
};
