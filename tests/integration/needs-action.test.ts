// public.needs_action (issue 18): each kind appears while it waits and goes when it is
// done; "mine" keeps a caseworker's households and what belongs to no household.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { waitingHousehold } from '../helpers/households';
import { HOUR, signUp, task, volunteers } from '../helpers/tasks';

const db = serviceClient;
const items = async (mine?: string) => {
	const { data, error } = await db().rpc('needs_action', mine ? { p_mine: mine } : {});
	if (error) throw error;
	return data;
};
const targets = async (kind: string, mine?: string) => (await items(mine)).filter((i) => i.kind === kind).map((i) => i.target);
const inDays = (n: number) => new Date(Date.now() + n * 24 * HOUR).toISOString().slice(0, 10);

async function staffMember(): Promise<string> {
	const { data, error } = await db()
		.from('users')
		.insert({ email: `cw-${randomUUID().slice(0, 8)}@fjordvik.kommune.no`, display_name: 'Test Sakshandsamar' })
		.select('id')
		.single();
	if (error) throw error;
	await db().from('user_roles').insert({ user_id: data.id, role: 'staff' });
	return data.id;
}

describe('public.needs_action', () => {
	it('lists the items oldest first, each with a kind, a time and a page', async () => {
		const list = await items();
		expect(list.length).toBeGreaterThan(0);
		const times = list.map((i) => Date.parse(i.since));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		for (const i of list) expect(i.target).toMatch(/^\/staff\//);
	});

	it('lists an offer submitted without a submission time, waiting since its last change', async () => {
		const { data: landlord, error: e1 } = await db().from('user_roles').select('user_id').eq('role', 'landlord').limit(1).single();
		if (e1) throw e1;
		const { data: offer, error } = await db()
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, street: `Utan tid ${randomUUID().slice(0, 8)}`, landlord_id: landlord.user_id, status: 'submitted' })
			.select('id, submitted_at, updated_at')
			.single();
		if (error) throw error;
		expect(offer.submitted_at).toBeNull();
		const item = (await items()).find((i) => i.target === `/staff/dwellings/${offer.id}`);
		expect(item).toMatchObject({ kind: 'offer_review' });
		expect(Date.parse(item!.since)).toBe(Date.parse(offer.updated_at));
	});

	it('shows a household arriving within 14 days without a home until it has one', async () => {
		const id = await waitingHousehold('na-arrival');
		await db()
			.from('households')
			.update({ expected_arrival: inDays(5) })
			.eq('id', id);
		expect(await targets('arrival_without_dwelling')).toContain(`/staff/households/${id}`);
		await db()
			.from('households')
			.update({ expected_arrival: inDays(40) })
			.eq('id', id);
		expect(await targets('arrival_without_dwelling')).not.toContain(`/staff/households/${id}`);
	});

	it('keeps in "mine" the households of that caseworker and what belongs to no household', async () => {
		const me = await staffMember();
		const other = await staffMember();
		const mine = await waitingHousehold('na-mine');
		const theirs = await waitingHousehold('na-theirs');
		await db()
			.from('households')
			.update({ expected_arrival: inDays(3), caseworker_id: me })
			.eq('id', mine);
		await db()
			.from('households')
			.update({ expected_arrival: inDays(3), caseworker_id: other })
			.eq('id', theirs);
		const shown = await items(me);
		expect(shown.map((i) => i.target)).toContain(`/staff/households/${mine}`);
		expect(shown.map((i) => i.target)).not.toContain(`/staff/households/${theirs}`);
		expect(shown.every((i) => i.household_id === null || i.caseworker_id === me)).toBe(true);
		expect((await items()).map((i) => i.target)).toContain(`/staff/households/${theirs}`);
	});

	it('shows a task within 7 days short of volunteers until enough sign up', async () => {
		const id = await task({ volunteers_needed: 1 }, 48 * HOUR);
		expect(await targets('task_short')).toContain(`/staff/tasks/${id}/volunteers`);
		const [volunteer] = await volunteers(1);
		const { error } = await signUp(id, volunteer.id);
		expect(error).toBeNull();
		expect(await targets('task_short')).not.toContain(`/staff/tasks/${id}/volunteers`);
	});

	it('shows a mail that failed until it is sent again', async () => {
		const recipient = `na-${randomUUID().slice(0, 8)}@example.no`;
		const { data, error } = await db()
			.from('notifications')
			.insert({ recipient, template: 'verify_email', idempotency_key: `na-${recipient}`, status: 'failed' })
			.select('id')
			.single();
		expect(error).toBeNull();
		const labels = async () => (await items()).filter((i) => i.kind === 'mail_failed').map((i) => i.label);
		expect(await labels()).toContain(`verify_email → ${recipient}`);
		await db().from('notifications').update({ status: 'queued' }).eq('id', data!.id);
		expect(await labels()).not.toContain(`verify_email → ${recipient}`);
	});

	it('shows a proposal as unanswered only after the admin’s number of days', async () => {
		const id = await waitingHousehold('na-proposal');
		const { data: dwelling } = await db().from('dwellings').select('id').eq('status', 'approved').limit(1).single();
		const { data: match, error } = await db()
			.from('matches')
			.insert({
				household_id: id,
				dwelling_id: dwelling!.id,
				status: 'proposed',
				created_at: new Date(Date.now() - 3 * 24 * HOUR).toISOString()
			})
			.select('id')
			.single();
		if (error) return expect.soft(error.message).toBe('a proposal could be made'); // the demo may have let every home
		const { data: settings } = await db().from('municipality_settings').select('id, proposal_wait_days').single();
		try {
			await db().from('municipality_settings').update({ proposal_wait_days: 5 }).eq('id', settings!.id);
			expect(await targets('proposal_unanswered')).not.toContain(`/staff/households/${id}`);
			await db().from('municipality_settings').update({ proposal_wait_days: 2 }).eq('id', settings!.id);
			expect(await targets('proposal_unanswered')).toContain(`/staff/households/${id}`);
			await db().from('matches').update({ status: 'cancelled' }).eq('id', match!.id);
			expect(await targets('proposal_unanswered')).not.toContain(`/staff/households/${id}`);
		} finally {
			await db().from('municipality_settings').update({ proposal_wait_days: settings!.proposal_wait_days }).eq('id', settings!.id);
		}
	});

	it('reads one page at a time, oldest first, each item once, with the kind filtered and counted', async () => {
		const me = await staffMember();
		const ids: string[] = [];
		for (let i = 0; i < 7; i++) {
			const id = await waitingHousehold(`na-page-${i}`);
			await db()
				.from('households')
				.update({ expected_arrival: inDays(3), caseworker_id: me })
				.eq('id', id);
			ids.push(id);
		}
		const pageOf = async (offset: number) => {
			const { data, error } = await db().rpc('needs_action_page', {
				p_mine: me,
				p_kind: 'arrival_without_dwelling',
				p_size: 3,
				p_offset: offset
			});
			if (error) throw error;
			return data as {
				total: number;
				filtered: number;
				counts: { kind: string; count: number }[];
				items: { target: string; since: string }[];
			};
		};
		const pages = [await pageOf(0), await pageOf(3), await pageOf(6)];
		expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
		const seen = pages.flatMap((p) => p.items);
		expect(new Set(seen.map((i) => i.target))).toEqual(new Set(ids.map((id) => `/staff/households/${id}`)));
		const times = seen.map((i) => Date.parse(i.since));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(pages[0].filtered).toBe(7);
		expect(pages[0].counts.find((c) => c.kind === 'arrival_without_dwelling')?.count).toBe(7);
		expect(pages[0].total).toBeGreaterThanOrEqual(7);
		expect((await pageOf(9)).items).toEqual([]);
	});
});
