import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { pairViolationNames } from '$lib/labels';
import { householdStatusSchema } from '$lib/schemas/household-filters';
import { userOf } from '$lib/server/auth/authorize';
import { config } from '$lib/server/config';
import { caseworkerSchema, followUpDoneSchema, followUpUndoSchema } from '$lib/schemas/follow-up';
import * as followUps from '$lib/server/db/follow-ups';
import * as households from '$lib/server/db/households';
import * as matches from '$lib/server/db/matches';
import * as matching from '$lib/server/db/matching';
import * as staffTasks from '$lib/server/db/staff-tasks';
import { invalid, refuse, refuseField, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import { dwellingsFor, feasible, pairKey, score } from '$lib/server/matching';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES = [
	'created',
	'edited',
	'proposed',
	'confirmed',
	'cancelled',
	'status',
	'tasks',
	'reopened',
	'caseworker',
	'follow_up',
	'follow_up_undone'
] as const;

export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	// the record, its proposals, and the read written to the audit log
	const record = await households.read(event.params.id, staff.id);
	if (!record) error(404);
	const { household, history, timeline, checklist, staff: staffMembers } = record;
	const open = history.some((h) => h.status === 'proposed' || h.status === 'accepted_by_landlord' || h.status === 'confirmed');
	const expected = household.status === 'expected';
	let suggestions: { id: string; address: string; total: number; reasons: ReturnType<typeof score>['reasons'] }[] = [];
	// the pairs the landlord declined that are still closed (not suggested), for the reopen buttons
	let closed = new Set<string>();
	if (expected && !open) {
		const { ctx, dwellings: free } = await matching.dataFor(household.id);
		closed = ctx.declined ?? closed;
		suggestions = dwellingsFor(matching.toInput(household), free, ctx)
			.slice(0, 10)
			.map((s) => ({ id: s.dwelling.id, address: s.dwelling.address, total: s.total, reasons: s.reasons }));
	} else if (expected && history.some((h) => h.status === 'declined')) closed = await matching.declined(household.id);
	const reopenable = history
		.filter((h) => h.status === 'declined' && h.dwelling && closed.has(pairKey(household.id, h.dwelling.id)))
		.map((h) => h.id);
	// the move-in tasks made from the confirmed match, each linked to its page
	const tasks = await staffTasks.fromMatches(history.filter((h) => h.status === 'confirmed').map((h) => h.id));
	// an open proposal the household no longer fits (it was changed since), by the hard
	// constraints confirming checks: said plainly, with the button to withdraw it
	const pending = history.find((h) => (h.status === 'proposed' || h.status === 'accepted_by_landlord') && h.dwelling);
	const violations = pending?.dwelling ? await matches.violations(household.id, pending.dwelling.id) : [];
	const broken =
		pending?.dwelling && violations.length
			? { matchId: pending.id, address: `${pending.dwelling.street}, ${pending.dwelling.place}`, violations }
			: null;
	return {
		household,
		history,
		timeline,
		checklist,
		staffMembers,
		me: staff.id,
		suggestions,
		// the suggestions on the map (its base map; none: a plain background)
		mapStyleUrl: config().MAP_STYLE_URL ?? null,
		reopenable,
		tasks,
		broken,
		editable: households.editable(household),
		notice: NOTICES.find((n) => event.url.searchParams.has(n)) ?? null
	};
};

const back = (event: RequestEvent, notice: string) => redirect(303, `/staff/households/${event.params.id}?${notice}`);
// the buttons' hidden fields: only a crafted post gets them wrong
const dwellingIdSchema = z.object({ dwelling_id: z.guid('error_invalid') });
const matchIdSchema = z.object({ match_id: z.guid('error_invalid') });

export const actions: Actions = {
	propose: async (event) => {
		const staff = userOf(event);
		const form = await validate(dwellingIdSchema, event.request);
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		const dwellingId = form.data.dwelling_id;
		// the engine's verdict and reasons are stored with the proposal; the database
		// decides whether the dwelling is still free
		const [{ ctx, dwellings: free }, record] = await Promise.all([
			matching.dataFor(event.params.id),
			households.read(event.params.id, staff.id)
		]);
		const dwelling = free.find((d) => d.id === dwellingId);
		if (!record) error(404);
		const { household } = record;
		const input = matching.toInput(household);
		if (!dwelling || !feasible(input, dwelling, ctx)) return refuse(form, m.hh_not_available());
		if (ctx.declined?.has(pairKey(household.id, dwelling.id))) return refuse(form, m.hh_pair_declined());
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
			if (e instanceof matches.AlreadyProposedError) return refuse(form, m.hh_already_proposed());
			if (e instanceof matches.NotAvailableError) return refuse(form, m.hh_not_available());
			if (e instanceof matches.DeclinedPairError) return refuse(form, m.hh_pair_declined());
			throw e;
		}
		nudge();
		back(event, 'proposed');
	},
	confirm: async (event) => {
		const staff = userOf(event);
		const form = await validate(matchIdSchema, event.request);
		if (!form.valid) return refuse(form, m.hh_status_refused());
		try {
			if (!(await matches.confirm(form.data.match_id, staff.id))) return refuse(form, m.hh_status_refused());
		} catch (e) {
			// the household or the dwelling changed since the proposal: say what no longer fits
			if (e instanceof matches.NoLongerFitsError)
				return refuse(form, m.hh_no_longer_fits({ reasons: e.broken.map((v) => pairViolationNames[v]?.() ?? v).join(', ') }));
			throw e;
		}
		nudge();
		back(event, 'confirmed');
	},
	tasks: async (event) => {
		const staff = userOf(event);
		const form = await validate(matchIdSchema, event.request);
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		await matches.createMoveInTasks(form.data.match_id, staff.id);
		back(event, 'tasks');
	},
	// a pair the landlord declined may be suggested and proposed again
	reopen: async (event) => {
		const staff = userOf(event);
		const form = await validate(matchIdSchema, event.request);
		if (!form.valid || !(await matches.reopen(event.params.id, form.data.match_id, staff.id))) return refuse(form, m.hh_status_refused());
		back(event, 'reopened');
	},
	cancel: async (event) => {
		const form = await validate(matchIdSchema, event.request);
		if (!form.valid || !(await matches.cancel(form.data.match_id))) return refuse(form, m.hh_status_refused());
		back(event, 'cancelled');
	},
	// the responsible caseworker: the database refuses anyone who is not staff
	caseworker: async (event) => {
		const form = await validate(caseworkerSchema, event.request, 'caseworker');
		if (!form.valid) return invalid(form);
		try {
			if (!(await households.assignCaseworker(event.params.id, form.data.caseworker_id))) return refuse(form, m.hh_status_refused());
		} catch (e) {
			if (e instanceof households.CaseworkerNotStaffError) return refuseField(form, 'caseworker_id', m.hh_caseworker_not_staff());
			throw e;
		}
		back(event, 'caseworker');
	},
	// a step of the follow-up checklist done (again: its date or note corrected)
	follow_up: async (event) => {
		const form = await validate(followUpDoneSchema, event.request, 'follow_up');
		if (!form.valid) return invalid(form);
		try {
			if (!(await followUps.markDone(event.params.id, form.data.step_id, form.data.done_on, form.data.note)))
				return refuse(form, m.hh_status_refused());
		} catch (e) {
			if (e instanceof followUps.FollowUpRefused)
				return e.reason === 'follow_up_date' ? refuseField(form, 'done_on', m.fu_date_refused()) : refuse(form, m.fu_not_settled());
			throw e;
		}
		back(event, 'follow_up');
	},
	follow_up_undo: async (event) => {
		const form = await validate(followUpUndoSchema, event.request, 'follow_up_undo');
		if (!form.valid || !(await followUps.undo(event.params.id, form.data.step_id))) return refuse(form, m.hh_status_refused());
		back(event, 'follow_up_undone');
	},
	status: async (event) => {
		const form = await validate(householdStatusSchema, event.request, 'status');
		if (!form.valid) return invalid(form);
		if (!(await households.setStatus(event.params.id, form.data.status, form.data.settled_on ?? null)))
			return refuse(form, m.hh_status_refused());
		back(event, 'status');
	}
};
