// Tasks as staff manage them.
import type { Database } from '$lib/database.types';
import type { ListState } from '$lib/schemas/list';
import { db } from './client';
import { pageOf } from './paging';

type NewTask = Database['public']['Tables']['tasks']['Insert'];

export type TaskFilters = ListState<'starts_at' | 'title' | 'locality'> & {
	type?: Database['public']['Enums']['task_type'];
	status?: Database['public']['Enums']['task_status'];
	locality?: string;
	/** upcoming: those that ended less than a week ago or later */
	when: 'upcoming' | 'all';
};

/** one page of tasks, filtered and sorted in SQL (the id breaks ties), with the total */
export async function list(filters: TaskFilters) {
	const read = (from: number, to: number) => {
		let query = db()
			.from('tasks')
			.select('id, type, title, starts_at, locality, volunteers_needed, status, requires_police_certificate, signups(status)', {
				count: 'exact'
			});
		if (filters.when === 'upcoming') query = query.gt('ends_at', new Date(Date.now() - 7 * 24 * 3600_000).toISOString());
		if (filters.type) query = query.eq('type', filters.type);
		if (filters.status) query = query.eq('status', filters.status);
		if (filters.locality) query = query.eq('locality', filters.locality);
		return query
			.order(filters.sort, { ascending: filters.dir === 'asc' })
			.order('id')
			.range(from, to);
	};
	const { rows, total } = await pageOf(filters, read, 'listing tasks');
	return {
		total,
		rows: rows.map(({ signups, ...t }) => ({
			...t,
			confirmed: signups.filter((s) => s.status === 'confirmed').length,
			waitlisted: signups.filter((s) => s.status === 'waitlisted').length
		}))
	};
}

/** the move-in tasks made from these matches (a household's confirmed ones), soonest first */
export async function fromMatches(matchIds: string[]) {
	if (matchIds.length === 0) return [];
	const { data, error } = await db()
		.from('tasks')
		.select('id, type, title, starts_at, status, volunteers_needed, match_id, signups(status)')
		.in('match_id', matchIds)
		.order('starts_at');
	if (error) throw new Error(`listing move-in tasks: ${error.message}`);
	return data.map(({ signups, ...t }) => ({ ...t, confirmed: signups.filter((s) => s.status === 'confirmed').length }));
}

export async function create(task: NewTask): Promise<string> {
	const { data, error } = await db().from('tasks').insert(task).select('id').single();
	if (error) throw new Error(`creating a task: ${error.message}`);
	return data.id;
}

/** hours volunteers reported that wait for staff's review */
/** the hours shown for review at a time: the oldest first; approving them brings the next */
export const HOURS_SHOWN = 20;

/** the oldest hours waiting for review (at most HOURS_SHOWN), and how many wait in all */
export async function hoursToApprove() {
	const { data, error, count } = await db()
		.from('signups')
		.select('id, hours, volunteer:users!signups_volunteer_id_fkey(display_name), task:tasks(title, starts_at)', { count: 'exact' })
		.not('hours', 'is', null)
		.is('hours_review', null)
		.order('joined_at')
		.order('id')
		.limit(HOURS_SHOWN);
	if (error) throw new Error(`listing hours: ${error.message}`);
	return { rows: data, total: count ?? data.length };
}

type HoursReview = Database['public']['Enums']['hours_review'];

export class HoursUnchanged extends Error {}

/**
 * Approve reported hours, correct them (other hours, with a note) or reject them (with a
 * note); a correction or a rejection mails the volunteer (review_hours). false: nothing
 * waits for review on that sign-up.
 */
export async function reviewHours(
	signupId: string,
	staffId: string,
	review: { outcome: HoursReview; hours?: number; note?: string }
): Promise<boolean> {
	const { data, error } = await db().rpc('review_hours', {
		p_signup: signupId,
		p_staff: staffId,
		p_review: review.outcome,
		p_hours: review.hours ?? (null as unknown as number),
		p_note: review.note ?? ''
	});
	if (error?.hint === 'hours_unchanged') throw new HoursUnchanged();
	if (error) throw new Error(`reviewing hours: ${error.message}`);
	return data;
}

/** one task with every field, and who is on it (for the staff task page) */
export async function one(id: string) {
	const { data, error } = await db()
		.from('tasks')
		.select(
			'*, signups(id, status, joined_at, hours, hours_approved_at, no_show_at, volunteer:users!signups_volunteer_id_fkey(id, display_name, email))'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`reading a task: ${error.message}`);
	if (!data) return null;
	const { signups, ...task } = data;
	const order = [...signups].sort((a, b) => a.joined_at.localeCompare(b.joined_at) || a.id.localeCompare(b.id));
	return {
		task,
		confirmed: order.filter((s) => s.status === 'confirmed'),
		waitlisted: order.filter((s) => s.status === 'waitlisted')
	};
}

const EDIT_REFUSALS = [
	'task_not_open',
	'places_below_confirmed',
	'overlap',
	'certificate_required',
	'professional_interpreter_required'
] as const;
export type EditRefusal = (typeof EDIT_REFUSALS)[number];
export class EditRefused extends Error {
	readonly reason: EditRefusal;
	/** the number confirmed, or the names of the volunteers in the way */
	readonly detail: string;
	constructor(reason: EditRefusal, detail: string) {
		super(reason);
		this.reason = reason;
		this.detail = detail;
	}
}

type TaskChanges = Database['public']['Tables']['tasks']['Update'];

/** change a task; the database keeps its rules and tells those on it (returns how many mails) */
export async function update(id: string, changes: TaskChanges): Promise<number> {
	const { data, error } = await db().rpc('update_task', { p_task: id, p_changes: changes as never });
	if (error?.hint && (EDIT_REFUSALS as readonly string[]).includes(error.hint))
		throw new EditRefused(error.hint as EditRefusal, error.details ?? '');
	if (error) throw new Error(`changing a task: ${error.message}`);
	return data;
}

/** cancel an open task, telling everyone on it why; false when it was not open */
export async function cancel(id: string, staffId: string, reason: string): Promise<boolean> {
	const { data, error } = await db().rpc('cancel_task', { p_task: id, p_staff: staffId, p_reason: reason });
	if (error) throw new Error(`cancelling a task: ${error.message}`);
	return data;
}

/** mark (or unmark) a confirmed volunteer of an ended task as not having come */
export async function markNoShow(taskId: string, signupId: string, staffId: string, noShow: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('mark_no_show', { p_task: taskId, p_signup: signupId, p_staff: staffId, p_no_show: noShow });
	if (error) throw new Error(`marking a no-show: ${error.message}`);
	return data;
}
