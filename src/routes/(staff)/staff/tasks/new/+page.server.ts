import { redirect } from '@sveltejs/kit';
import { taskSchema, toTaskRow } from '$lib/schemas/task';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { invalid, validate } from '$lib/server/form';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const staff = userOf(event);
		const form = await validate(taskSchema, event.request);
		if (!form.valid) return invalid(form);
		await staffTasks.create({ ...toTaskRow(form.data), created_by: staff.id });
		redirect(303, '/staff/tasks?created');
	}
};
