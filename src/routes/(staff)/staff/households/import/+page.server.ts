import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import * as households from '$lib/server/db/households';
import { fileForm, refuseField } from '$lib/server/form';
import { readHouseholdsCsv } from '$lib/server/files/households-csv';
import type { Actions } from './$types';

const MAX_BYTES = 2 * 1024 * 1024;

export const actions: Actions = {
	default: async (event) => {
		const file = (await event.request.formData()).get('file');
		const form = await fileForm();
		if (!(file instanceof File) || file.size === 0) return refuseField(form, 'file', m.csv_empty());
		if (file.size > MAX_BYTES) return refuseField(form, 'file', m.error_too_long());
		const result = readHouseholdsCsv(await file.text());
		if (!result.ok) return refuseField(form, 'file', result.errors);
		let count: number;
		try {
			count = await households.importMany(result.households);
		} catch (e) {
			if (e instanceof households.DuplicateReferenceError) return refuseField(form, 'file', m.csv_duplicate_reference(), 409);
			throw e;
		}
		redirect(303, `/staff/households?imported=${count}`);
	}
};
