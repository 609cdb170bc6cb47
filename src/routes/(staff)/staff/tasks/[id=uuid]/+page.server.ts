import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { taskSchema, toTaskRow } from '$lib/schemas/task';
import { cancelTaskSchema, noShowSchema } from '$lib/schemas/task-staffing';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { formFrom, invalid, refuse, refuseField, validate } from '$lib/server/form';
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
		// the edit form filled from the task, and the cancel form
		form: await formFrom(taskSchema, task, 'task'),
		cancel: await formFrom(cancelTaskSchema, null, 'cancel'),
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
		case 'professional_interpreter_required':
			return m.hh_interpreter_refused();
		case 'certificate_required':
			return m.tchg_refused_certificate({ names: e.detail });
	}
}

export const actions: Actions = {
	save: async (event) => {
		const form = await validate(taskSchema, event.request, 'task');
		if (!form.valid) return invalid(form);
		try {
			await staffTasks.update(event.params.id, toTaskRow(form.data));
		} catch (e) {
			// professional interpreting is never a volunteers' task: said at the type
			if (e instanceof staffTasks.EditRefused && e.reason === 'professional_interpreter_required')
				return refuseField(form, 'type', m.hh_interpreter_refused(), 409);
			if (e instanceof staffTasks.EditRefused) return refuse(form, refusal(e));
			throw e;
		}
		nudge();
		redirect(303, `/staff/tasks/${event.params.id}?saved`);
	},
	cancel: async (event) => {
		const staff = userOf(event);
		const form = await validate(cancelTaskSchema, event.request, 'cancel');
		if (!form.valid) return invalid(form);
		if (!(await staffTasks.cancel(event.params.id, staff.id, form.data.reason)))
			return refuseField(form, 'reason', m.tchg_refused_not_open(), 409);
		nudge();
		redirect(303, `/staff/tasks/${event.params.id}?cancelled`);
	},
	noshow: async (event) => {
		const staff = userOf(event);
		const form = await validate(noShowSchema, event.request, 'noshow');
		// a button's hidden fields: only a crafted post gets them wrong
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		if (!(await staffTasks.markNoShow(event.params.id, form.data.signup_id, staff.id, form.data.no_show)))
			return refuse(form, m.tchg_noshow_refused());
		redirect(303, `/staff/tasks/${event.params.id}?noshow`);
	}
};
