// Tasks as staff manage them.
import type { Database } from '$lib/database.types';
import { db } from './client';

type NewTask = Database['public']['Tables']['tasks']['Insert'];

export async function upcoming() {
	const { data, error } = await db()
		.from('tasks')
		.select('id, type, title, starts_at, locality, volunteers_needed, status, requires_police_certificate, signups(status)')
		.gt('ends_at', new Date(Date.now() - 7 * 24 * 3600_000).toISOString())
		.order('starts_at');
	if (error) throw new Error(`listing tasks: ${error.message}`);
	return data.map(({ signups, ...t }) => ({
		...t,
		confirmed: signups.filter((s) => s.status === 'confirmed').length,
		waitlisted: signups.filter((s) => s.status === 'waitlisted').length
	}));
}

export async function create(task: NewTask): Promise<string> {
	const { data, error } = await db().from('tasks').insert(task).select('id').single();
	if (error) throw new Error(`creating a task: ${error.message}`);
	return data.id;
}

/** hours volunteers reported that wait for approval */
export async function hoursToApprove() {
	const { data, error } = await db()
		.from('signups')
		.select('id, hours, volunteer:users!signups_volunteer_id_fkey(display_name), task:tasks(title, starts_at)')
		.not('hours', 'is', null)
		.is('hours_approved_at', null)
		.order('joined_at');
	if (error) throw new Error(`listing hours: ${error.message}`);
	return data;
}

export async function approveHours(signupId: string, staffId: string): Promise<boolean> {
	const { data, error } = await db().rpc('approve_hours', { p_signup: signupId, p_staff: staffId });
	if (error) throw new Error(`approving hours: ${error.message}`);
	return data;
}
