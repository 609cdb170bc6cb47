import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { taskFormValues, taskSchema, toTaskRow } from '$lib/schemas/task';
import { cancelTaskSchema, noShowSchema } from '$lib/schemas/task-staffing';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { readForm, typedValues } from '$lib/server/forms';
import { nudge } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const found = await staffTasks.one(event.params.id);
	if (!found) error(404);
	const { task, confirmed, waitlisted } = found;
	const person = (s: (typeof confirmed)[number]) => ({
		id: s.id,
		volunteerId: s.volunteer?.id ?? '',
		name: s.volunteer?.display_name ?? '',
		email: s.volunteer?.email ?? '',
		hours: s.hours,
		hoursApproved: Boolean(s.hours_approved_at),
		noShow: Boolean(s.no_show_at)
	});
	return {
		task,
		values: taskFormValues(task),
		confirmed: confirmed.map(person),
		waitlisted: waitlisted.map(person),
		ended: new Date(task.ends_at).getTime() < Date.now(),
		notice: (['saved', 'cancelled', 'noshow'] as const).find((n) => event.url.searchParams.has(n)) ?? null
	};
};

// the database's refusals of an edit, in words
function refusal(e: staffTasks.EditRefused): string {
	switch (e.reason) {
		case 'task_not_open':
			return m.tchg_refused_not_open();
		case 'places_below_confirmed':
			return m.tchg_refused_places({ confirmed: e.detail });
		case 'overlap':
			return m.tchg_refused_overlap({ names: e.detail });
		case 'certificate_required':
			return m.tchg_refused_certificate({ names: e.detail });
	}
}

export const actions: Actions = {
	save: async (event) => {
		const formData = await event.request.formData();
		const form = readForm(taskSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		try {
			await staffTasks.update(event.params.id, toTaskRow(form.data));
		} catch (e) {
			if (e instanceof staffTasks.EditRefused) return fail(409, { values: typedValues(formData), errors: { form: refusal(e) } });
			throw e;
		}
		nudge();
		redirect(303, `/staff/tasks/${event.params.id}?saved`);
	},
	cancel: async (event) => {
		const staff = userOf(event);
		const form = readForm(cancelTaskSchema, await event.request.formData());
		if (!form.ok) return fail(400, { cancel: { values: form.values, errors: form.errors } });
		if (!(await staffTasks.cancel(event.params.id, staff.id, form.data.reason))) {
			return fail(409, { cancel: { values: { reason: form.data.reason }, errors: { reason: m.tchg_refused_not_open() } } });
		}
		nudge();
		redirect(303, `/staff/tasks/${event.params.id}?cancelled`);
	},
	noshow: async (event) => {
		const staff = userOf(event);
		const form = readForm(noShowSchema, await event.request.formData());
		if (!form.ok) return fail(400, { message: m.error_invalid() });
		if (!(await staffTasks.markNoShow(event.params.id, form.data.signup_id, staff.id, form.data.no_show)))
			return fail(409, { message: m.tchg_noshow_refused() });
		redirect(303, `/staff/tasks/${event.params.id}?noshow`);
	}
};
