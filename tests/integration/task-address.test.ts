// Who may read a task's exact address is one rule in the database (task_address_for): a
// confirmed place, and only from 48 hours before the start. The task page shows what it
// returns (tests/integration/tasks.test.ts reads the page); here each side of the rule.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { serviceClient } from '../helpers/clients';
import { HOUR, signUp, task, volunteers } from '../helpers/tasks';

const addressFor = async (taskId: string, volunteerId: string) => {
	const { data, error } = await serviceClient().rpc('task_address_for', { p_task: taskId, p_volunteer: volunteerId });
	expect(error).toBeNull();
	return data;
};

describe('task_address_for', () => {
	it('gives the address to a confirmed volunteer from 48 hours before, and to no one else', async () => {
		const soon = await task({ volunteers_needed: 1, address: 'Løynvegen 1' }, 47 * HOUR);
		const later = await task({ volunteers_needed: 1, address: 'Løynvegen 2' }, 60 * HOUR);
		const [confirmed, waitlisted, stranger] = await volunteers(3);
		expect((await signUp(soon, confirmed.id)).data).toBe('confirmed');
		expect((await signUp(later, confirmed.id)).data).toBe('confirmed');
		expect((await signUp(soon, waitlisted.id)).data).toBe('waitlisted');

		expect(await addressFor(soon, confirmed.id)).toBe('Løynvegen 1');
		// confirmed, but more than 48 hours before
		expect(await addressFor(later, confirmed.id)).toBeNull();
		expect(await addressFor(soon, waitlisted.id)).toBeNull();
		expect(await addressFor(soon, stranger.id)).toBeNull();
		expect(await addressFor(randomUUID(), confirmed.id)).toBeNull();
	});

	it('takes the address away again when the volunteer withdraws', async () => {
		const soon = await task({ volunteers_needed: 2, address: 'Løynvegen 3' }, 24 * HOUR);
		const [p] = await volunteers(1);
		await signUp(soon, p.id);
		expect(await addressFor(soon, p.id)).toBe('Løynvegen 3');
		const { error } = await serviceClient().rpc('withdraw_signup', { p_task: soon, p_volunteer: p.id });
		expect(error).toBeNull();
		expect(await addressFor(soon, p.id)).toBeNull();
	});
});
