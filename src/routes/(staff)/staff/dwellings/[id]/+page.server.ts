import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { overRentCap } from '$lib/rent-cap';
import { reviewSchema } from '$lib/schemas/review';
import { authorizeAction, authorizeLoad } from '$lib/server/auth/authorize';
import { config } from '$lib/server/config';
import * as districts from '$lib/server/db/districts';
import * as dwellings from '$lib/server/db/dwellings';
import { readForm, typedValues } from '$lib/server/forms';
import { nudge } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	authorizeLoad(event);
	const [dwelling, caps, districtOptions] = await Promise.all([
		dwellings.getForStaff(event.params.id),
		dwellings.rentCaps(),
		districts.options()
	]);
	if (!dwelling) error(404);
	return {
		dwelling,
		districts: districtOptions,
		overCap: overRentCap(dwelling.rent_nok, dwelling.max_occupants, caps),
		reviewed: event.url.searchParams.has('reviewed')
	};
};

export const actions: Actions = {
	review: async (event) => {
		const staff = authorizeAction(event, 'review')!;
		const formData = await event.request.formData();
		const form = readForm(reviewSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		try {
			await dwellings.review({
				id: event.params.id,
				staffId: staff.id,
				decision: form.data.decision,
				message: form.data.message,
				districtId: form.data.district ?? null,
				inspectionDate: form.data.inspection_date ?? null,
				staffNote: form.data.staff_note,
				origin: config().ORIGIN
			});
		} catch (e) {
			if (e instanceof dwellings.TransitionError)
				return fail(409, { values: typedValues(formData), errors: { form: m.staff_review_not_submitted() } });
			throw e;
		}
		nudge();
		redirect(303, `/staff/dwellings/${event.params.id}?reviewed`);
	}
};
