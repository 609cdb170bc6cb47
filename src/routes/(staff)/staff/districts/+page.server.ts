import { redirect } from '@sveltejs/kit';
import { districtPlacesSchema } from '$lib/schemas/district';
import { localitiesSchema } from '$lib/schemas/locality';
import * as districts from '$lib/server/db/districts';
import * as localities from '$lib/server/db/localities';
import { invalid, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [districtList, localityList] = await Promise.all([districts.list(), localities.list()]);
	return {
		districts: districtList,
		localities: localityList,
		saved: event.url.searchParams.has('saved'),
		localitiesSaved: event.url.searchParams.has('localities')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await validate(districtPlacesSchema, event.request);
		if (!form.valid) return invalid(form);
		const { id, ...places } = form.data;
		await districts.setPlaces(id, places);
		redirect(303, '/staff/districts?saved');
	},
	// which localities are near a health centre (the matching's health part)
	localities: async (event) => {
		const form = await validate(localitiesSchema, event.request, 'localities');
		if (!form.valid) return invalid(form);
		await localities.setNearHealthCentre(form.data.shown, form.data.near);
		redirect(303, '/staff/districts?localities#localities-title');
	}
};
