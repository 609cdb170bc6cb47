// Staff change, cancel and follow up tasks: the rules the database keeps while a task is
// edited, and the mails everyone on the task gets (read from the stack's SMTP sink).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOsloLocal } from '../../src/lib/dates';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { mailsTo, mailTo } from '../helpers/mailbox';
import { HOUR, signUp, task, titleOf, volunteers } from '../helpers/tasks';

let app: RunningApp;
let staff: Client;
beforeAll(async () => {
	app = await startApp(appEnv());
	staff = new Client(app.url);
	await staff.login('sakshandsamar@fjordvik.kommune.no');
});
afterAll(() => app?.stop());

/** the edit form of a task as the page fills it, with some fields changed */
async function editForm(taskId: string, over: Record<string, string> = {}): Promise<Record<string, string>> {
	const { data } = await serviceClient().from('tasks').select('*').eq('id', taskId).single();
	return {
		type: data!.type,
		title: data!.title,
		description: data!.description,
		starts_at: toOsloLocal(data!.starts_at),
		ends_at: toOsloLocal(data!.ends_at),
		locality: data!.locality,
		address: data!.address,
		volunteers_needed: String(data!.volunteers_needed),
		needed_languages: data!.needed_languages.join(', '),
		...over
	};
}

const statuses = async (taskId: string) => {
	const { data } = await serviceClient().from('signups').select('volunteer_id, status').eq('task_id', taskId);
	return Object.fromEntries(data!.map((s) => [s.volunteer_id, s.status]));
};

describe('the staff task page', () => {
	it('shows the task with its confirmed and waitlisted volunteers, linked from the task list', async () => {
		const taskId = await task({ volunteers_needed: 1 });
		const [a] = await volunteers(1, 'Åse Påmeld');
		const [b] = await volunteers(1, 'Brage Ventar');
		await signUp(taskId, a.id);
		await signUp(taskId, b.id);
		expect(await (await staff.get('/staff/tasks')).text()).toContain(`href="/staff/tasks/${taskId}"`);
		const html = await (await staff.get(`/staff/tasks/${taskId}`)).text();
		expect(html).toContain('Løynvegen 7');
		expect(html).toMatch(/Påmelde frivillige[\s\S]*Åse Påmeld[\s\S]*Venteliste[\s\S]*Brage Ventar/);
	});
});

describe('changing a task', () => {
	it('tells confirmed and waitlisted volunteers what changed, with a new calendar file for those with a place', async () => {
		const taskId = await task({ volunteers_needed: 1 }, 80 * HOUR);
		const [a, b] = await volunteers(2);
		await signUp(taskId, a.id);
		await signUp(taskId, b.id);
		const title = await titleOf(taskId);
		// a new title alone tells nobody
		expect(location(await staff.post(`/staff/tasks/${taskId}?/save`, await editForm(taskId, { description: 'Ta med hanskar' })))).toBe(
			`/staff/tasks/${taskId}?saved`
		);
		const res = await staff.post(
			`/staff/tasks/${taskId}?/save`,
			await editForm(taskId, { starts_at: '2027-07-01T10:00', ends_at: '2027-07-01T13:00', address: 'Nyvegen 3' })
		);
		expect(location(res)).toBe(`/staff/tasks/${taskId}?saved`);

		const confirmed = await mailTo(a.email, /^Endra:/);
		expect(confirmed.subject).toBe(`Endra: ${title}`);
		expect(confirmed.text).toContain('Ny tid: torsdag 1. juli kl. 10:00');
		expect(confirmed.text).toContain('Adressa er endra');
		expect(confirmed.text).not.toContain('Nyvegen 3');
		const ics = confirmed.attachments!.find((f) => f.filename.endsWith('.ics'))!;
		// 10:00 in Oslo in July is 08:00 UTC
		expect(ics.content).toContain('DTSTART:20270701T080000Z');
		expect(ics.content).toMatch(/SEQUENCE:\d+/);

		const waiting = await mailTo(b.email, /^Endra:/);
		expect(waiting.text).toContain('Du står framleis på ventelista.');
		expect(waiting.attachments ?? []).toHaveLength(0);
		// one mail each: the first save changed nothing they need to know
		expect((await mailsTo(a.email)).filter((m) => m.subject.startsWith('Endra:'))).toHaveLength(1);
	});

	it('refuses fewer places than volunteers already confirmed, and gives more places to the waitlist in order', async () => {
		const taskId = await task({ volunteers_needed: 2 }, 90 * HOUR);
		const [a, b, c, d] = await volunteers(4);
		for (const p of [a, b, c, d]) await signUp(taskId, p.id);
		const fewer = await staff.post(`/staff/tasks/${taskId}?/save`, await editForm(taskId, { volunteers_needed: '1' }));
		expect(fewer.status).toBe(409);
		expect(await fewer.text()).toContain('Det er alt 2 påmelde.');
		const more = await staff.post(`/staff/tasks/${taskId}?/save`, await editForm(taskId, { volunteers_needed: '3' }));
		expect(location(more)).toBe(`/staff/tasks/${taskId}?saved`);
		const now = await statuses(taskId);
		expect([now[a.id], now[b.id], now[c.id], now[d.id]]).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
		expect((await mailTo(c.email, /^Du har fått plass/)).subject).toContain(await titleOf(taskId));
	});

	it('refuses a new time that overlaps another task of a volunteer on it, naming them', async () => {
		const moving = await task({}, 120 * HOUR);
		const other = await task({}, 130 * HOUR);
		const [p] = await volunteers(1, 'Olav Dobbeltbooka');
		await signUp(moving, p.id);
		await signUp(other, p.id);
		const clash = toOsloLocal(new Date(Date.now() + 131 * HOUR));
		const res = await staff.post(
			`/staff/tasks/${moving}?/save`,
			await editForm(moving, { starts_at: clash, ends_at: toOsloLocal(new Date(Date.now() + 133 * HOUR)) })
		);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('Den nye tida kolliderer med andre oppdrag for: Olav Dobbeltbooka.');
		// and the database itself refuses it, whoever calls
		const { error } = await serviceClient().rpc('update_task', {
			p_task: moving,
			p_changes: { starts_at: new Date(Date.now() + 131 * HOUR).toISOString(), ends_at: new Date(Date.now() + 133 * HOUR).toISOString() }
		});
		expect(error?.hint).toBe('overlap');
	});

	it('refuses to require a police certificate while someone on the task has none', async () => {
		const taskId = await task({}, 140 * HOUR);
		const [p] = await volunteers(1, 'Utan Attest');
		await signUp(taskId, p.id);
		const res = await staff.post(`/staff/tasks/${taskId}?/save`, await editForm(taskId, { requires_police_certificate: 'on' }));
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('Utan Attest');
	});
});

describe('cancelling a task', () => {
	it('needs a reason, tells everyone on it, and closes the task to changes', async () => {
		const taskId = await task({ volunteers_needed: 1 }, 100 * HOUR);
		const [a, b] = await volunteers(2);
		await signUp(taskId, a.id);
		await signUp(taskId, b.id);
		expect((await staff.post(`/staff/tasks/${taskId}?/cancel`, { reason: ' ' })).status).toBe(400);
		expect(location(await staff.post(`/staff/tasks/${taskId}?/cancel`, { reason: 'Familien kjem ei veke seinare.' }))).toBe(
			`/staff/tasks/${taskId}?cancelled`
		);
		const { data } = await serviceClient().from('tasks').select('status, cancel_reason, cancelled_by').eq('id', taskId).single();
		expect(data!.status).toBe('cancelled');
		expect(data!.cancel_reason).toBe('Familien kjem ei veke seinare.');
		for (const p of [a, b]) {
			const mail = await mailTo(p.email, /^Avlyst:/);
			expect(mail.text).toContain('Grunnen: Familien kjem ei veke seinare.');
		}
		expect((await staff.post(`/staff/tasks/${taskId}?/cancel`, { reason: 'Igjen' })).status).toBe(409);
		const edit = await staff.post(`/staff/tasks/${taskId}?/save`, await editForm(taskId, { locality: 'Straumvik' }));
		expect(edit.status).toBe(409);
		expect(await edit.text()).toContain('kan ikkje endrast');
	});
});

describe('no-shows', () => {
	it('are marked on a confirmed volunteer of a task that has ended, stored, and shown in their history', async () => {
		const taskId = await task({ volunteers_needed: 1 }, 500 * HOUR);
		const [p] = await volunteers(1);
		await signUp(taskId, p.id);
		const { data: signup } = await serviceClient().from('signups').select('id').eq('task_id', taskId).eq('volunteer_id', p.id).single();
		// not before the task is over
		expect((await staff.post(`/staff/tasks/${taskId}?/noshow`, { signup_id: signup!.id, no_show: 'on' })).status).toBe(409);
		await serviceClient()
			.from('tasks')
			.update({ starts_at: new Date(Date.now() - 5 * HOUR).toISOString(), ends_at: new Date(Date.now() - 2 * HOUR).toISOString() })
			.eq('id', taskId);
		expect(location(await staff.post(`/staff/tasks/${taskId}?/noshow`, { signup_id: signup!.id, no_show: 'on' }))).toBe(
			`/staff/tasks/${taskId}?noshow`
		);
		const { data } = await serviceClient().from('signups').select('no_show_at, no_show_by').eq('id', signup!.id).single();
		expect(data!.no_show_at).not.toBeNull();
		// a volunteer who did not come reports no hours
		const volunteer = new Client(app.url);
		await volunteer.login(p.email);
		expect((await volunteer.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '2' })).status).toBe(409);

		const history = await (await staff.get(`/staff/volunteers/${p.id}`)).text();
		expect(history).toContain(await titleOf(taskId));
		expect(history).toContain('møtte ikkje');
		expect(history).toContain('Ikkje møtt: 1 gong.');
		// and staff find them (the list is paged; the search finds one by e-mail)
		expect(await (await staff.get(`/staff/search?q=${encodeURIComponent(p.email)}`)).text()).toContain(`href="/staff/volunteers/${p.id}"`);

		// a mark made by mistake is taken away again
		expect(location(await staff.post(`/staff/tasks/${taskId}?/noshow`, { signup_id: signup!.id }))).toBe(`/staff/tasks/${taskId}?noshow`);
		const { data: unmarked } = await serviceClient().from('signups').select('no_show_at').eq('id', signup!.id).single();
		expect(unmarked!.no_show_at).toBeNull();
	});
});
