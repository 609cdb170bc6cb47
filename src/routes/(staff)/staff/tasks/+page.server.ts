import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { refuse, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [tasks, hours] = await Promise.all([staffTasks.upcoming(), staffTasks.hoursToApprove()]);
	return {
		tasks,
		hours: hours.map((h) => ({ id: h.id, hours: h.hours, volunteer: h.volunteer?.display_name ?? '', task: h.task?.title ?? '' })),
		created: event.url.searchParams.has('created'),
		approved: event.url.searchParams.has('approved')
	};
};

const approveSchema = z.object({ signup_id: z.guid() });

export const actions: Actions = {
	approve: async (event) => {
		const staff = userOf(event);
		const form = await validate(approveSchema, event.request);
		// a button's hidden field: only a crafted post gets it wrong
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		await staffTasks.approveHours(form.data.signup_id, staff.id);
		redirect(303, '/staff/tasks?approved');
	}
};
