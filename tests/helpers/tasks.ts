// Volunteers and tasks made by a test for itself, through the service role.
import { randomUUID } from 'node:crypto';
import { serviceClient } from './clients';

export const HOUR = 3600_000;
// the hash of the seed's demo password
export const DEMO_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8XlyFTGN2KUagpyTsr/qhA$U/qjBqhAsDvxZblW832g0gYcp49LZjyhOApgrvkiVHI';

/** n verified volunteers who can log in with the demo password */
export async function volunteers(n: number, name = 'Test Frivillig'): Promise<{ id: string; email: string }[]> {
	const rows = Array.from({ length: n }, () => ({
		email: `vol-${randomUUID().slice(0, 8)}@example.no`,
		display_name: name,
		password_hash: DEMO_HASH,
		email_verified_at: new Date().toISOString()
	}));
	const { data, error } = await serviceClient().from('users').insert(rows).select('id, email');
	if (error) throw error;
	await serviceClient()
		.from('user_roles')
		.insert(data.map((u) => ({ user_id: u.id, role: 'volunteer' as const })));
	return data;
}

/** an open task starting `startsInMs` from now, three hours long */
export async function task(over: Record<string, unknown> = {}, startsInMs = 72 * HOUR): Promise<string> {
	const start = new Date(Date.now() + startsInMs);
	const { data, error } = await serviceClient()
		.from('tasks')
		.insert({
			type: 'furniture',
			title: `Hente møblar ${randomUUID().slice(0, 6)}`,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + 3 * HOUR).toISOString(),
			locality: 'Lid',
			address: 'Løynvegen 7',
			volunteers_needed: 5,
			...over
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

export const signUp = (taskId: string, volunteerId: string) =>
	serviceClient().rpc('sign_up_for_task', { p_task: taskId, p_volunteer: volunteerId });

export async function titleOf(taskId: string): Promise<string> {
	const { data, error } = await serviceClient().from('tasks').select('title').eq('id', taskId).single();
	if (error) throw error;
	return data.title;
}
