import { redirect } from '@sveltejs/kit';
import { certificateSchema, volunteerFiltersSchema } from '$lib/schemas/certificate';
import { queryOf } from '$lib/schemas/list';
import { userOf } from '$lib/server/auth/authorize';
import * as volunteerList from '$lib/server/db/volunteer-list';
import { invalid, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = volunteerFiltersSchema.parse(queryOf(event.url));
	const page = await volunteerList.list(filters);
	return {
		filters,
		volunteers: page.rows,
		total: page.total,
		expiring: page.expiring,
		recorded: event.url.searchParams.has('recorded')
	};
};

export const actions: Actions = {
	certificate: async (event) => {
		const staff = userOf(event);
		const form = await validate(certificateSchema, event.request);
		if (!form.valid) return invalid(form);
		await volunteerList.recordCertificate(String(form.data.volunteer_id), staff.id, form.data.seen_on, form.data.expires_on);
		redirect(303, '/staff/volunteers?recorded');
	}
};
