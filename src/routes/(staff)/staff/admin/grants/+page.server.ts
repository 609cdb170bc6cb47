import { redirect } from '@sveltejs/kit';
import { yearInOslo } from '$lib/dates';
import { RATE_FIELDS } from '$lib/grants';
import { grantRatesSchema } from '$lib/schemas/grants';
import * as grants from '$lib/server/db/grants';
import { formFrom, invalid, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const asked = Number(event.url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : yearInOslo();
	const years = await grants.list();
	// the form starts from the year's rates, else the latest year's before it, else empty
	const from = years.find((r) => r.year === year) ?? years.find((r) => r.year < year);
	return {
		years,
		year,
		form: await formFrom(grantRatesSchema, { year, ...(from ? Object.fromEntries(RATE_FIELDS.map((f) => [f, from[f]])) : {}) }, 'save'),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await validate(grantRatesSchema, event.request, 'save');
		if (!form.valid) return invalid(form);
		await grants.save(form.data.year, form.data);
		redirect(303, `/staff/admin/grants?year=${form.data.year}&saved`);
	}
};
