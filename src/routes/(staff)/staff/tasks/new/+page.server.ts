import { fail, redirect } from '@sveltejs/kit';
import { taskSchema, toTaskRow } from '$lib/schemas/task';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { readForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const staff = userOf(event);
		const form = readForm(taskSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		await staffTasks.create({ ...toTaskRow(form.data), created_by: staff.id });
		redirect(303, '/staff/tasks?created');
	}
};
