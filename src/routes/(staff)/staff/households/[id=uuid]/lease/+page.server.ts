import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { leaseSchema } from '$lib/schemas/lease';
import { userOf } from '$lib/server/auth/authorize';
import * as leases from '$lib/server/db/leases';
import { formFrom, invalid, refuse, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	// the household's confirmed home with its lease, and the read written to the audit log
	const page = await leases.page(event.params.id, staff.id);
	if (!page) error(404);
	const lease = page.home?.lease;
	return {
		...page,
		// the form: the lease as recorded, or the offer's terms to start from
		form: await formFrom(
			leaseSchema,
			lease ?? { rent_nok: page.home?.rent_nok ?? undefined, deposit_nok: page.home?.deposit_nok ?? undefined },
			'lease'
		),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const staff = userOf(event);
		const form = await validate(leaseSchema, event.request, 'lease');
		if (!form.valid) return invalid(form);
		if (!(await leases.record(event.params.id, staff.id, form.data))) return refuse(form, m.lease_no_match());
		redirect(303, `/staff/households/${event.params.id}/lease?saved`);
	}
};
