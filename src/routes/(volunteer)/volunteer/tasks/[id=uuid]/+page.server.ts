import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireVerified, userOf } from '$lib/server/auth/authorize';
import * as tasks from '$lib/server/db/tasks';
import { invalid, refusal, refuse, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import { hoursSchema } from '$lib/schemas/hours';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	// who may read the exact address is the database's rule (task_address_for)
	const [task, address] = await Promise.all([tasks.one(event.params.id), tasks.addressFor(event.params.id, user.id)]);
	if (!task) error(404);
	const { signups, ...rest } = task;
	const mine = signups.find((s) => s.volunteer_id === user.id && s.status !== 'withdrawn');
	const waiting = signups
		.filter((s) => s.status === 'waitlisted')
		.sort((a, b) => a.joined_at.localeCompare(b.joined_at) || a.id.localeCompare(b.id));
	return {
		task: rest,
		address,
		placesLeft: Math.max(0, task.volunteers_needed - signups.filter((s) => s.status === 'confirmed').length),
		mine: mine?.status ?? null,
		ended: new Date(task.ends_at).getTime() < Date.now(),
		hours: mine?.hours ?? null,
		// staff's review: approved, corrected (other hours) or rejected, with their note
		hoursReview: mine?.hours_review ?? null,
		hoursReported: mine?.hours_reported ?? null,
		hoursNote: mine?.hours_note ?? '',
		waitlistPosition: mine?.status === 'waitlisted' ? waiting.findIndex((s) => s.volunteer_id === user.id) + 1 : null,
		notice: (['confirmed', 'waitlisted', 'withdrawn', 'hours'] as const).find((n) => event.url.searchParams.has(n)) ?? null
	};
};

const REFUSALS = {
	task_closed: m.vol_refused_closed,
	already_signed_up: m.vol_refused_already,
	overlap: m.vol_refused_overlap,
	certificate_required: m.vol_refused_certificate,
	unverified: m.vol_unverified
};

/** the id of the refusal for want of a police certificate, which the page shows apart */
const CERTIFICATE = 'certificate';

export const actions: Actions = {
	signup: async (event) => {
		const user = userOf(event);
		requireVerified(user);
		let status: tasks.SignupStatus;
		try {
			status = await tasks.signUp(event.params.id, user.id);
		} catch (e) {
			// no certificate is nothing the volunteer can correct here: the page says what to do instead
			if (e instanceof tasks.SignupRefused && e.reason === 'certificate_required')
				return refusal(REFUSALS.certificate_required(), 409, CERTIFICATE);
			if (e instanceof tasks.SignupRefused) return refusal(REFUSALS[e.reason]());
			throw e;
		}
		nudge();
		redirect(303, `/volunteer/tasks/${event.params.id}?${status}`);
	},
	hours: async (event) => {
		const user = userOf(event);
		const form = await validate(hoursSchema, event.request);
		if (!form.valid) return invalid(form);
		if (!(await tasks.reportHours(event.params.id, user.id, form.data.hours))) return refuse(form, m.vol_hours_refused());
		redirect(303, `/volunteer/tasks/${event.params.id}?hours`);
	},
	withdraw: async (event) => {
		const user = userOf(event);
		await tasks.withdraw(event.params.id, user.id);
		nudge();
		redirect(303, `/volunteer/tasks/${event.params.id}?withdrawn`);
	}
};
