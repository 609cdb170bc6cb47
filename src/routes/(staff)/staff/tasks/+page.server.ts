import { redirect } from '@sveltejs/kit';
import { Constants } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { userOf } from '$lib/server/auth/authorize';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { invalid, refuse, refuseField, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import { approveHoursSchema, correctHoursSchema, rejectHoursSchema } from '$lib/schemas/hours';
import { queryOf } from '$lib/schemas/list';
import { staffTaskFiltersSchema } from '$lib/schemas/task-filters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = staffTaskFiltersSchema.parse(queryOf(event.url));
	const [tasks, hours] = await Promise.all([staffTasks.list(filters), staffTasks.hoursToApprove()]);
	return {
		filters,
		tasks: tasks.rows,
		total: tasks.total,
		hours: hours.rows.map((h) => ({ id: h.id, hours: h.hours, volunteer: h.volunteer?.display_name ?? '', task: h.task?.title ?? '' })),
		hoursWaiting: hours.total,
		created: event.url.searchParams.has('created'),
		reviewed: Constants.public.Enums.hours_review.find((r) => event.url.searchParams.has(r)) ?? null
	};
};

// each row's forms carry its sign-up's id as the form's id, so an error shows at its row
const rowId = async (event: { request: Request }) => {
	const posted = await event.request.formData();
	return { posted, id: String(posted.get('signup_id') ?? '') };
};

export const actions: Actions = {
	approve: async (event) => {
		const staff = userOf(event);
		const form = await validate(approveHoursSchema, event.request);
		// a button's hidden field: only a crafted post gets it wrong
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		if (!(await staffTasks.reviewHours(form.data.signup_id, staff.id, { outcome: 'approved' }))) return refuse(form, m.hours_review_gone());
		redirect(303, '/staff/tasks?approved');
	},
	correct: async (event) => {
		const staff = userOf(event);
		const { posted, id } = await rowId(event);
		const form = await validate(correctHoursSchema, posted, `hours-${id}`);
		if (!form.valid) return invalid(form);
		try {
			const done = await staffTasks.reviewHours(form.data.signup_id, staff.id, {
				outcome: 'corrected',
				hours: form.data.hours,
				note: form.data.note
			});
			if (!done) return refuse(form, m.hours_review_gone());
		} catch (e) {
			if (e instanceof staffTasks.HoursUnchanged) return refuseField(form, 'hours', m.hours_correct_unchanged());
			throw e;
		}
		nudge();
		redirect(303, '/staff/tasks?corrected');
	},
	reject: async (event) => {
		const staff = userOf(event);
		const { posted, id } = await rowId(event);
		const form = await validate(rejectHoursSchema, posted, `hours-${id}`);
		if (!form.valid) return invalid(form);
		if (!(await staffTasks.reviewHours(form.data.signup_id, staff.id, { outcome: 'rejected', note: form.data.note })))
			return refuse(form, m.hours_review_gone());
		nudge();
		redirect(303, '/staff/tasks?rejected');
	}
};
