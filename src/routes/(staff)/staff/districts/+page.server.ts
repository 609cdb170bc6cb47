import { fail, redirect } from '@sveltejs/kit';
import { districtPlacesSchema } from '$lib/schemas/district';
import * as districts from '$lib/server/db/districts';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	return { districts: await districts.list(), saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async (event) => {
		const form = readForm(districtPlacesSchema, await event.request.formData());
		if (!form.ok) return fail(400, { id: form.values.id, values: form.values, errors: form.errors });
		const { id, ...places } = form.data;
		await districts.setPlaces(id, places);
		redirect(303, '/staff/districts?saved');
	}
};
