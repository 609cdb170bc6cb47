import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { followUpStepIdSchema, followUpStepSaveSchema, followUpStepSchema } from '$lib/schemas/follow-up';
import * as followUps from '$lib/server/db/follow-ups';
import { invalid, refuse, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

// the admin shapes the follow-up checklist after settlement: add, rename, reorder, retire
export const load: PageServerLoad = async (event) => ({
	steps: await followUps.steps(),
	saved: event.url.searchParams.has('saved')
});

const done = () => redirect(303, '/staff/admin/follow-up?saved');

export const actions: Actions = {
	add: async (event) => {
		const form = await validate(followUpStepSchema, event.request, 'add');
		if (!form.valid) return invalid(form);
		await followUps.save(null, form.data.name, form.data.due_days);
		done();
	},
	save: async (event) => {
		const form = await validate(followUpStepSaveSchema, event.request, 'save');
		if (form.errors.step_id) return refuse(form, m.fua_refused(), 400);
		if (!form.valid) return invalid(form);
		if (!(await followUps.save(form.data.step_id, form.data.name, form.data.due_days))) return refuse(form, m.fua_refused());
		done();
	},
	up: async (event) => move(event.request, true),
	down: async (event) => move(event.request, false),
	retire: async (event) => {
		const form = await validate(followUpStepIdSchema, event.request, 'retire');
		if (!form.valid || !(await followUps.retire(form.data.step_id))) return refuse(form, m.fua_refused());
		done();
	}
};

async function move(request: Request, up: boolean) {
	const form = await validate(followUpStepIdSchema, request, up ? 'up' : 'down');
	if (!form.valid) return refuse(form, m.fua_refused(), 400);
	// at the top (or the bottom) already: nothing to do
	await followUps.move(form.data.step_id, up);
	done();
}
