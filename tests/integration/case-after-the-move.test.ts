// The case after the move (issue 18, items 5 and 6): a household's timeline in order with who
// did what; the responsible caseworker, who must be staff (refused in SQL otherwise); the
// follow-up checklist the admin shapes and staff tick off, with what is overdue; and the
// interpreter need, so that professional interpreting is never a volunteers' task.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { waitingHousehold } from '../helpers/households';
import { Client, location } from '../helpers/http';
import { signUp, task, volunteers } from '../helpers/tasks';

let app: RunningApp;
let staff: Client;
let admin: Client;
let staffId: string;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	staff = new Client(app.url);
	admin = new Client(app.url, '127.0.0.2');
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
	expect((await admin.login('admin@fjordvik.kommune.no')).status).toBe(303);
	const { data } = await serviceClient().from('users').select('id').eq('email', 'sakshandsamar@fjordvik.kommune.no').single();
	staffId = data!.id;
});
afterAll(() => app?.stop());

const db = () => serviceClient();

/** a household settled `daysAgo` days ago, of the test's own */
async function settledHousehold(daysAgo: number): Promise<string> {
	const settled = new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10);
	const { data, error } = await db()
		.from('households')
		.insert({
			imdi_reference: `OPPF-${randomUUID().slice(0, 8)}`,
			category: 'resettlement',
			status: 'settled',
			settled_on: settled,
			contact_name: 'Testperson',
			languages: ['uk']
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

type Timeline = { at: string; kind: string; who: string | null; detail: string | null }[];

describe('household timeline', () => {
	it('lists what happened to a household in order, each with who did it, and shows it on its page', async () => {
		const ref = `TL-${randomUUID().slice(0, 8)}`;
		const created = await staff.post('/staff/households/new', {
			imdi_reference: ref,
			category: 'resettlement',
			adults: '1',
			elderly: '0',
			children_ages: '',
			languages: 'uk',
			preferred_localities: '',
			expected_arrival: '2027-06-01',
			contact_name: 'Tidslinje Testperson',
			contact_phone: '',
			staff_note: ''
		});
		expect(created.status).toBe(303);
		const id = location(created)!.split('/').pop()!.split('?')[0];
		expect((await staff.post(`/staff/households/${id}?/caseworker`, { caseworker_id: staffId })).status).toBe(303);
		await db().from('households').update({ status: 'matched' }).eq('id', id);
		const taskId = await task({ household_id: id, type: 'move_in' });
		const [volunteer] = await volunteers(1, 'Tidslinje Frivillig');
		await signUp(taskId, volunteer.id);
		await db()
			.from('notifications')
			.insert({
				recipient: 'x@example.no',
				template: 'match_confirmed',
				about_household_id: id,
				idempotency_key: `tl-${id}`,
				status: 'sent',
				sent_at: new Date().toISOString()
			});

		const { data, error } = await db().rpc('household_timeline', { p_household: id });
		expect(error).toBeNull();
		const events = data as Timeline;
		const kinds = events.map((e) => e.kind);
		expect(kinds.slice(0, 3)).toEqual(['registered', 'caseworker', 'status']);
		expect(kinds).toEqual(expect.arrayContaining(['task', 'signup', 'mail']));
		expect(kinds.indexOf('signup')).toBeGreaterThan(kinds.indexOf('task'));
		const times = events.map((e) => e.at);
		expect([...times].sort()).toEqual(times);
		const staffName = (await db().from('users').select('display_name').eq('id', staffId).single()).data!.display_name;
		expect(events[0].who).toBe(staffName);
		expect(events[1]).toMatchObject({ kind: 'caseworker', who: staffName, detail: staffName });
		expect(events.find((e) => e.kind === 'signup')?.who).toBe('Tidslinje Frivillig');
		// a mail names its template and the recipient's kind, never its body or address
		expect(events.find((e) => e.kind === 'mail')?.detail).not.toContain('x@example.no');

		const page = await (await staff.get(`/staff/households/${id}`)).text();
		const timeline = page.slice(page.indexOf('id="timeline"'));
		expect(timeline).toContain('Registrert');
		expect(timeline).toContain('Tidslinje Frivillig');
		expect(timeline.indexOf('Registrert')).toBeLessThan(timeline.indexOf('Frivillig meld på'));
	});
});

describe('responsible caseworker', () => {
	it('is assigned and changed by staff, recorded in the audit log with who did it', async () => {
		const id = await waitingHousehold('CW');
		const res = await staff.post(`/staff/households/${id}?/caseworker`, { caseworker_id: staffId });
		expect(res.status).toBe(303);
		expect((await db().from('households').select('caseworker_id').eq('id', id).single()).data!.caseworker_id).toBe(staffId);
		const { data: log } = await db()
			.from('audit_log')
			.select('actor_id, after')
			.eq('entity', 'household')
			.eq('entity_id', id)
			.eq('action', 'update');
		expect(log).toContainEqual(expect.objectContaining({ actor_id: staffId, after: expect.objectContaining({ caseworker_id: staffId }) }));
		expect((await staff.post(`/staff/households/${id}?/caseworker`, { caseworker_id: '' })).status).toBe(303);
		expect((await db().from('households').select('caseworker_id').eq('id', id).single()).data!.caseworker_id).toBeNull();
	});

	it('refuses a volunteer as caseworker, in SQL and at the field', async () => {
		const id = await waitingHousehold('CW');
		const [volunteer] = await volunteers(1);
		const { error } = await db().from('households').update({ caseworker_id: volunteer.id }).eq('id', id);
		expect(error?.hint).toBe('caseworker_not_staff');
		const res = await staff.post(`/staff/households/${id}?/caseworker`, { caseworker_id: volunteer.id });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('caseworker_id-error');
		expect((await db().from('households').select('caseworker_id').eq('id', id).single()).data!.caseworker_id).toBeNull();
	});
});

describe('caseworker at registration', () => {
	it('is optional when registering, stored when chosen, and refused at the field for someone not staff', async () => {
		const [volunteer] = await volunteers(1);
		const form = (ref: string, caseworker: string) => ({
			imdi_reference: ref,
			category: 'resettlement',
			adults: '1',
			elderly: '0',
			children_ages: '',
			languages: 'uk',
			preferred_localities: '',
			expected_arrival: '2027-06-01',
			contact_name: 'Registrert Testperson',
			contact_phone: '',
			staff_note: '',
			caseworker_id: caseworker
		});
		const refused = await staff.post('/staff/households/new', form(`CWR-${randomUUID().slice(0, 8)}`, volunteer.id));
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('caseworker_id-error');
		const ref = `CWR-${randomUUID().slice(0, 8)}`;
		expect((await staff.post('/staff/households/new', form(ref, staffId))).status).toBe(303);
		expect((await db().from('households').select('caseworker_id').eq('imdi_reference', ref).single()).data!.caseworker_id).toBe(staffId);
		const none = `CWR-${randomUUID().slice(0, 8)}`;
		expect((await staff.post('/staff/households/new', form(none, ''))).status).toBe(303);
		expect((await db().from('households').select('caseworker_id').eq('imdi_reference', none).single()).data!.caseworker_id).toBeNull();
	});
});

describe('follow-up checklist', () => {
	it('lets the admin add, rename, move and retire a step', async () => {
		const name = `Test-steg ${randomUUID().slice(0, 6)}`;
		expect((await admin.post('/staff/admin/follow-up?/add', { name, due_days: '45' })).status).toBe(303);
		let { data: steps } = await db().from('follow_up_steps').select('*').is('retired_at', null).order('position');
		const added = steps!.at(-1)!;
		expect(added).toMatchObject({ name, due_days: 45 });
		expect((await admin.post('/staff/admin/follow-up?/save', { step_id: added.id, name: `${name} b`, due_days: '40' })).status).toBe(303);
		expect((await admin.post('/staff/admin/follow-up?/up', { step_id: added.id })).status).toBe(303);
		({ data: steps } = await db().from('follow_up_steps').select('*').is('retired_at', null).order('position'));
		expect(steps!.at(-2)).toMatchObject({ id: added.id, name: `${name} b`, due_days: 40 });
		expect((await admin.post('/staff/admin/follow-up?/retire', { step_id: added.id })).status).toBe(303);
		const page = await (await admin.get('/staff/admin/follow-up')).text();
		expect(page).not.toContain(`${name} b`);
		// staff may not shape it
		expect((await staff.post('/staff/admin/follow-up?/add', { name, due_days: '1' })).status).toBe(403);
	});

	it('lets staff mark a step done, computes what is overdue, keeps one row per step, and undoes', async () => {
		const id = await settledHousehold(20);
		const { data: steps } = await db().from('follow_up_steps').select('*').is('retired_at', null).order('position');
		const early = steps!.find((s) => s.due_days < 20)!;
		const late = steps!.find((s) => s.due_days > 20)!;
		const today = new Date().toISOString().slice(0, 10);

		const res = await staff.post(`/staff/households/${id}?/follow_up`, { step_id: early.id, done_on: today, note: 'Ok' });
		expect(res.status).toBe(303);
		expect((await staff.post(`/staff/households/${id}?/follow_up`, { step_id: early.id, done_on: today, note: 'Retta' })).status).toBe(303);
		const { data: rows } = await db().from('household_follow_ups').select('*').eq('household_id', id);
		expect(rows).toHaveLength(1);
		expect(rows![0]).toMatchObject({ step_id: early.id, done_by: staffId, note: 'Retta' });
		const twice = await db().from('household_follow_ups').insert({ household_id: id, step_id: early.id, done_on: today });
		expect(twice.error?.code).toBe('23505');

		const { data: list } = await db().rpc('household_checklist', { p_household: id });
		const checklist = list as { step_id: string; overdue: boolean; done_on: string | null; done_by: string | null }[];
		expect(checklist.find((s) => s.step_id === early.id)).toMatchObject({ overdue: false, done_on: today });
		expect(checklist.find((s) => s.step_id === late.id)?.overdue).toBe(false);
		const undone = steps!.find((s) => s.due_days < 20 && s.id !== early.id);
		if (undone) expect(checklist.find((s) => s.step_id === undone.id)?.overdue).toBe(true);

		const page = await (await staff.get(`/staff/households/${id}`)).text();
		expect(page).toContain('id="follow-up"');
		expect(page).toContain('Forsinka');

		// a date in the future is refused at its field; nothing changes
		const future = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
		const refused = await staff.post(`/staff/households/${id}?/follow_up`, { step_id: late.id, done_on: future });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('done_on-error');

		expect((await staff.post(`/staff/households/${id}?/follow_up_undo`, { step_id: early.id })).status).toBe(303);
		expect((await db().from('household_follow_ups').select('*').eq('household_id', id)).data).toHaveLength(0);
		const { data: log } = await db()
			.from('audit_log')
			.select('action, actor_id')
			.eq('entity', 'household_follow_up')
			.eq('entity_id', id)
			.order('id');
		expect(log!.map((l) => l.action)).toEqual(['create', 'update', 'delete']);
		expect(log!.every((l) => l.actor_id === staffId)).toBe(true);
	});

	it('refuses a step for a household that is not settled', async () => {
		const id = await waitingHousehold('FU');
		const { data: steps } = await db().from('follow_up_steps').select('id').is('retired_at', null).limit(1);
		const { error } = await db().rpc('mark_follow_up_done', {
			p_household: id,
			p_step: steps![0].id,
			p_done_on: new Date().toISOString().slice(0, 10),
			p_note: ''
		});
		expect(error?.hint).toBe('follow_up_not_settled');
	});
});

describe('interpreter need', () => {
	it('refuses an interpreting task for volunteers for a household that needs a professional interpreter', async () => {
		const id = await waitingHousehold('TOLK');
		expect(
			(await db().from('households').update({ interpreter_need: 'professional', interpreter_language: 'uk' }).eq('id', id)).error
		).toBeNull();
		await expect(task({ household_id: id, type: 'interpreting' })).rejects.toMatchObject({ hint: 'professional_interpreter_required' });
		// a move-in task is fine; turning it into interpreting is not
		const taskId = await task({ household_id: id, type: 'move_in' });
		const { error } = await db().from('tasks').update({ type: 'interpreting' }).eq('id', taskId);
		expect(error?.hint).toBe('professional_interpreter_required');
		// the page says a professional must be booked
		const page = await (await staff.get(`/staff/households/${id}`)).text();
		expect(page).toContain('Profesjonell tolk må brukast');
	});

	it('refuses requiring a professional while an interpreting task for volunteers is open', async () => {
		const id = await waitingHousehold('TOLK');
		await task({ household_id: id, type: 'interpreting' });
		const { error } = await db().from('households').update({ interpreter_need: 'professional', interpreter_language: 'uk' }).eq('id', id);
		expect(error?.hint).toBe('professional_interpreter_required');
	});

	it('is registered with the household and needs a language when an interpreter is needed', async () => {
		const base = {
			category: 'resettlement',
			adults: '1',
			elderly: '0',
			children_ages: '',
			languages: 'uk',
			preferred_localities: '',
			expected_arrival: '2027-06-01',
			contact_name: 'Tolk Testperson',
			contact_phone: '',
			staff_note: '',
			interpreter_need: 'professional'
		};
		const missing = await staff.post('/staff/households/new', { ...base, imdi_reference: `T-${randomUUID().slice(0, 8)}` });
		expect(missing.status).toBe(400);
		expect(await missing.text()).toContain('interpreter_language-error');
		const ref = `T-${randomUUID().slice(0, 8)}`;
		expect((await staff.post('/staff/households/new', { ...base, imdi_reference: ref, interpreter_language: 'uk' })).status).toBe(303);
		const { data } = await db().from('households').select('interpreter_need, interpreter_language').eq('imdi_reference', ref).single();
		expect(data).toEqual({ interpreter_need: 'professional', interpreter_language: 'uk' });
	});

	it('is cleared, with the follow-up notes, when the household is anonymised', async () => {
		const id = await settledHousehold(10);
		await db().from('households').update({ interpreter_need: 'volunteer', interpreter_language: 'ar' }).eq('id', id);
		const { data: steps } = await db().from('follow_up_steps').select('id').is('retired_at', null).limit(1);
		await db()
			.from('household_follow_ups')
			.insert({ household_id: id, step_id: steps![0].id, done_on: new Date().toISOString().slice(0, 10), note: 'Personleg' });
		expect((await db().from('households').update({ anonymised_at: new Date().toISOString() }).eq('id', id)).error).toBeNull();
		const { data } = await db().from('households').select('interpreter_need, interpreter_language').eq('id', id).single();
		expect(data).toEqual({ interpreter_need: 'none', interpreter_language: '' });
		expect((await db().from('household_follow_ups').select('note').eq('household_id', id)).data).toEqual([{ note: '' }]);
	});
});
