import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import * as households from '$lib/server/db/households';
import { readHouseholdsCsv } from '$lib/server/files/households-csv';
import type { Actions } from './$types';

const MAX_BYTES = 2 * 1024 * 1024;

export const actions: Actions = {
	default: async (event) => {
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: [m.csv_empty()] });
		if (file.size > MAX_BYTES) return fail(400, { errors: [m.error_too_long()] });
		const result = readHouseholdsCsv(await file.text());
		if (!result.ok) return fail(400, { errors: result.errors });
		let count: number;
		try {
			count = await households.importMany(result.households);
		} catch (e) {
			if (e instanceof households.DuplicateReferenceError) return fail(409, { errors: [m.csv_duplicate_reference()] });
			throw e;
		}
		redirect(303, `/staff/households?imported=${count}`);
	}
};
