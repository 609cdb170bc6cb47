import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { readForm } from '$lib/server/forms';
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

export const actions: Actions = {
	approve: async (event) => {
		const staff = userOf(event);
		const form = readForm(z.object({ signup_id: z.guid() }), await event.request.formData());
		if (!form.ok) return fail(400, {});
		await staffTasks.approveHours(form.data.signup_id, staff.id);
		redirect(303, '/staff/tasks?approved');
	}
};
