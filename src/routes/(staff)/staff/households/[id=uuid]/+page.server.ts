import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { pairViolationNames } from '$lib/labels';
import { householdStatusSchema } from '$lib/schemas/household-filters';
import { userOf } from '$lib/server/auth/authorize';
import * as households from '$lib/server/db/households';
import * as matches from '$lib/server/db/matches';
import * as matching from '$lib/server/db/matching';
import { readForm } from '$lib/server/forms';
import { nudge } from '$lib/server/mail';
import { dwellingsFor, feasible, score } from '$lib/server/matching';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES = ['created', 'proposed', 'confirmed', 'cancelled', 'status', 'tasks'] as const;

export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	// the record, its proposals, and the read written to the audit log
	const record = await households.read(event.params.id, staff.id);
	if (!record) error(404);
	const { household, history } = record;
	const open = history.some((h) => h.status === 'proposed' || h.status === 'accepted_by_landlord' || h.status === 'confirmed');
	let suggestions: { id: string; address: string; total: number; reasons: ReturnType<typeof score>['reasons'] }[] = [];
	if (household.status === 'expected' && !open) {
		const { ctx, dwellings: free } = await matching.data();
		suggestions = dwellingsFor(matching.toInput(household), free, ctx)
			.slice(0, 10)
			.map((s) => ({ id: s.dwelling.id, address: s.dwelling.address, total: s.total, reasons: s.reasons }));
	}
	return { household, history, suggestions, notice: NOTICES.find((n) => event.url.searchParams.has(n)) ?? null };
};

const back = (event: RequestEvent, notice: string) => redirect(303, `/staff/households/${event.params.id}?${notice}`);
const idSchema = (name: string) => z.object({ [name]: z.guid('error_invalid') });

export const actions: Actions = {
	propose: async (event) => {
		const staff = userOf(event);
		const form = readForm(idSchema('dwelling_id'), await event.request.formData());
		if (!form.ok) return fail(400, { message: m.error_invalid() });
		const dwellingId = String(form.data.dwelling_id);
		// the engine's verdict and reasons are stored with the proposal; the database
		// decides whether the dwelling is still free
		const [{ ctx, dwellings: free }, record] = await Promise.all([matching.data(), households.read(event.params.id, staff.id)]);
		const dwelling = free.find((d) => d.id === dwellingId);
		if (!record) error(404);
		const { household } = record;
		const input = matching.toInput(household);
		if (!dwelling || !feasible(input, dwelling, ctx)) return fail(409, { message: m.hh_not_available() });
		const scored = score(input, dwelling, ctx);
		try {
			await matches.propose({
				householdId: household.id,
				dwellingId,
				staffId: staff.id,
				score: scored.total,
				reasons: scored.reasons
			});
		} catch (e) {
			if (e instanceof matches.AlreadyProposedError) return fail(409, { message: m.hh_already_proposed() });
			if (e instanceof matches.NotAvailableError) return fail(409, { message: m.hh_not_available() });
			throw e;
		}
		nudge();
		back(event, 'proposed');
	},
	confirm: async (event) => {
		const staff = userOf(event);
		const form = readForm(idSchema('match_id'), await event.request.formData());
		if (!form.ok) return fail(409, { message: m.hh_status_refused() });
		try {
			if (!(await matches.confirm(String(form.data.match_id), staff.id))) return fail(409, { message: m.hh_status_refused() });
		} catch (e) {
			// the household or the dwelling changed since the proposal: say what no longer fits
			if (e instanceof matches.NoLongerFitsError)
				return fail(409, { message: m.hh_no_longer_fits({ reasons: e.broken.map((v) => pairViolationNames[v]?.() ?? v).join(', ') }) });
			throw e;
		}
		nudge();
		back(event, 'confirmed');
	},
	tasks: async (event) => {
		const staff = userOf(event);
		const form = readForm(idSchema('match_id'), await event.request.formData());
		if (!form.ok) return fail(400, { message: m.error_invalid() });
		await matches.createMoveInTasks(String(form.data.match_id), staff.id);
		back(event, 'tasks');
	},
	cancel: async (event) => {
		const form = readForm(idSchema('match_id'), await event.request.formData());
		if (!form.ok || !(await matches.cancel(String(form.data.match_id)))) return fail(409, { message: m.hh_status_refused() });
		back(event, 'cancelled');
	},
	status: async (event) => {
		const form = readForm(householdStatusSchema, await event.request.formData());
		if (!form.ok) return fail(400, { message: Object.values(form.errors)[0], values: form.values });
		if (!(await households.setStatus(event.params.id, form.data.status, form.data.settled_on ?? null)))
			return fail(409, { message: m.hh_status_refused() });
		back(event, 'status');
	}
};
