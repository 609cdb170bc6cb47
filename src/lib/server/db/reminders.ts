import { db } from './client';

/** queue the reminders of tasks starting within 24 hours (each sign-up's at most once) */
export async function queue(origin: string): Promise<number> {
	const { data, error } = await db().rpc('queue_task_reminders', { p_origin: origin });
	if (error) throw new Error(`queuing reminders: ${error.message}`);
	return data;
}
