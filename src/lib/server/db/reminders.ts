import { db } from './client';

/** queue the reminders of tasks starting within 24 hours (each sign-up's at most once) */
export async function queue(): Promise<number> {
	const { data, error } = await db().rpc('queue_task_reminders');
	if (error) throw new Error(`queuing reminders: ${error.message}`);
	return data;
}

/** tell staff of tasks starting within 48 hours that are short of volunteers (each task once) */
export async function queueShortStaffed(): Promise<number> {
	const { data, error } = await db().rpc('queue_short_staffed_alerts');
	if (error) throw new Error(`queuing short-staffed alerts: ${error.message}`);
	return data;
}

/** tell volunteers and staff of police certificates running out within 30 days (each expiry date once) */
export async function queueCertificateExpiry(): Promise<number> {
	const { data, error } = await db().rpc('queue_certificate_expiry_notices');
	if (error) throw new Error(`queuing certificate notices: ${error.message}`);
	return data;
}

/** the morning digests of the staff who chose one (from 07:00 Oslo time, each person's once a day) */
export async function queueDigests(): Promise<number> {
	const { data, error } = await db().rpc('queue_staff_digests');
	if (error) throw new Error(`queuing staff digests: ${error.message}`);
	return data;
}
