// The follow-up checklist after settlement: the steps the admin shapes, and the steps staff
// mark done for a settled household (20261205030000_case_after_the_move.sql). A settled
// household's checklist is read with its record (households.read).
import { db } from './client';

export type Step = { id: string; name: string; due_days: number; position: number };

/** the active steps, in their order */
export async function steps(): Promise<Step[]> {
	const { data, error } = await db()
		.from('follow_up_steps')
		.select('id, name, due_days, position')
		.is('retired_at', null)
		.order('position')
		.order('id')
		.limit(200);
	if (error) throw new Error(`listing follow-up steps: ${error.message}`);
	return data;
}

/** a new step at the end (no id), or a step renamed and its due offset changed; null when it is retired or gone */
export async function save(id: string | null, name: string, dueDays: number): Promise<string | null> {
	const { data, error } = await db().rpc('save_follow_up_step', { p_step: id as string, p_name: name, p_due_days: dueDays });
	if (error) throw new Error(`saving a follow-up step: ${error.message}`);
	return data;
}

export async function move(id: string, up: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('move_follow_up_step', { p_step: id, p_up: up });
	if (error) throw new Error(`moving a follow-up step: ${error.message}`);
	return data;
}

export async function retire(id: string): Promise<boolean> {
	const { data, error } = await db().rpc('retire_follow_up_step', { p_step: id });
	if (error) throw new Error(`retiring a follow-up step: ${error.message}`);
	return data;
}

export class FollowUpRefused extends Error {
	readonly reason: 'follow_up_not_settled' | 'follow_up_date';
	constructor(reason: 'follow_up_not_settled' | 'follow_up_date') {
		super(reason);
		this.reason = reason;
	}
}

/** staff mark a step done for a settled household (again: corrects it); false when the step is retired or gone */
export async function markDone(householdId: string, stepId: string, doneOn: string, note: string): Promise<boolean> {
	const { data, error } = await db().rpc('mark_follow_up_done', {
		p_household: householdId,
		p_step: stepId,
		p_done_on: doneOn,
		p_note: note
	});
	if (error?.hint === 'follow_up_not_settled' || error?.hint === 'follow_up_date') throw new FollowUpRefused(error.hint);
	// a day that does not exist (30 February) or is out of Postgres's range
	if (error?.code === '22008' || error?.code === '22007') throw new FollowUpRefused('follow_up_date');
	if (error) throw new Error(`marking a follow-up step done: ${error.message}`);
	return data;
}

export async function undo(householdId: string, stepId: string): Promise<boolean> {
	const { data, error } = await db().rpc('undo_follow_up', { p_household: householdId, p_step: stepId });
	if (error) throw new Error(`undoing a follow-up step: ${error.message}`);
	return data;
}
