import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { inviteVolunteersSchema } from '$lib/schemas/task-invitation';
import { userOf } from '$lib/server/auth/authorize';
import { invalid, refuse, validate } from '$lib/server/form';
import * as invitations from '$lib/server/db/invitations';
import { SignupRefused } from '$lib/server/db/tasks';
import { nudge } from '$lib/server/mail';
import { inviteVolunteers } from '$lib/server/db/invitations';
import { suggestVolunteers } from '$lib/server/matching/suggest-volunteers';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 25;

const taskOr404 = async (id: string) => {
	if (!z.guid().safeParse(id).success) error(404);
	const task = await invitations.task(id);
	if (!task) error(404);
	return task;
};

export const load: PageServerLoad = async (event) => {
	const { household, signups, task_invitations: sent, ...task } = await taskOr404(event.params.id);
	const onTask = signups.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted');
	const volunteers = await invitations.candidates(
		task,
		new Set(onTask.map((s) => s.volunteer_id)),
		new Set(sent.map((i) => i.volunteer_id))
	);
	const { suggested, excluded } = suggestVolunteers(
		{
			type: task.type,
			startsAt: task.starts_at,
			endsAt: task.ends_at,
			locality: task.locality,
			neededLanguages: task.needed_languages,
			neededSkills: task.needed_skills,
			requiresCertificate: task.requires_police_certificate,
			householdLanguages: household?.languages ?? []
		},
		volunteers
	);
	const now = Date.now();
	return {
		task: {
			...task,
			householdLanguages: household?.languages ?? [],
			confirmed: onTask.filter((s) => s.status === 'confirmed').length,
			waitlisted: onTask.filter((s) => s.status === 'waitlisted').length
		},
		open: task.status === 'open' && new Date(task.starts_at).getTime() > now,
		suggestions: suggested.slice(0, SHOWN).map((s) => ({ id: s.volunteer.id, name: s.volunteer.name, score: s.score, reasons: s.reasons })),
		withoutCertificate: excluded.filter((e) => e.why === 'certificate').length,
		invitations: sent.map((i) => ({
			id: i.id,
			name: i.volunteer?.display_name ?? '',
			sentAt: i.sent_at,
			status: (i.answer ?? (new Date(i.expires_at).getTime() <= now ? 'expired' : 'waiting')) as
				'accepted' | 'declined' | 'expired' | 'waiting',
			outcome: i.outcome
		})),
		invited: Number(event.url.searchParams.get('invited') ?? NaN)
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const staff = userOf(event);
		const task = await taskOr404(event.params.id);
		const form = await validate(inviteVolunteersSchema, event.request);
		if (!form.valid) return invalid(form);
		let count: number;
		try {
			count = await inviteVolunteers(task.id, staff.id, form.data.volunteer);
		} catch (e) {
			if (e instanceof SignupRefused) return refuse(form, m.taskinv_error_closed());
			throw e;
		}
		nudge();
		redirect(303, `/staff/tasks/${task.id}/volunteers?invited=${count}`);
	}
};
