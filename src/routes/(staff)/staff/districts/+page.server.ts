import { redirect } from '@sveltejs/kit';
import { districtPlacesSchema } from '$lib/schemas/district';
import * as districts from '$lib/server/db/districts';
import { invalid, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	return { districts: await districts.list(), saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async (event) => {
		const form = await validate(districtPlacesSchema, event.request);
		if (!form.valid) return invalid(form);
		const { id, ...places } = form.data;
		await districts.setPlaces(id, places);
		redirect(303, '/staff/districts?saved');
	}
};
