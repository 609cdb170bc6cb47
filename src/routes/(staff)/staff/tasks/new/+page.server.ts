import { fail, redirect } from '@sveltejs/kit';
import { fromOsloLocal } from '$lib/dates';
import { SKILLS } from '$lib/schemas/volunteer-profile';
import { taskSchema } from '$lib/schemas/task';
import { authorizeAction, authorizeLoad } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorizeLoad(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const staff = authorizeAction(event)!;
		const form = readForm(taskSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const t = form.data as typeof form.data & Record<string, unknown>;
		await staffTasks.create({
			type: t.type,
			title: t.title,
			description: t.description,
			starts_at: fromOsloLocal(t.starts_at).toISOString(),
			ends_at: fromOsloLocal(t.ends_at).toISOString(),
			locality: t.locality,
			address: t.address,
			volunteers_needed: t.volunteers_needed,
			needed_languages: t.needed_languages,
			needed_skills: SKILLS.filter((s) => t[`skill_${s}`]),
			requires_police_certificate: t.requires_police_certificate,
			created_by: staff.id
		});
		redirect(303, '/staff/tasks?created');
	}
};
