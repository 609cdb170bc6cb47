// The sheets staff print (issue 18, item 8): a household's move-in sheet with its home, the
// landlord's contact and the tasks with their volunteers, and a task's sheet; each read of a
// household through them is in the audit log; nobody but staff gets them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client } from '../helpers/http';
import { signUp, task, volunteers } from '../helpers/tasks';

let app: RunningApp;
let staff: Client;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	staff = new Client(app.url, `10.19.0.${Math.floor(Math.random() * 200) + 1}`);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(() => app?.stop());

const db = () => serviceClient();
const reads = async (householdId: string) => {
	const { count, error } = await db()
		.from('audit_log')
		.select('id', { count: 'exact', head: true })
		.eq('entity_id', householdId)
		.eq('action', 'read');
	if (error) throw error;
	return count ?? 0;
};

/** a demo household with a confirmed home, its home and the landlord, and a task of its own with one volunteer */
async function settledWithTask() {
	const { data: match, error } = await db()
		.from('matches')
		.select('household_id, dwelling:dwellings(street, landlord:users!dwellings_landlord_id_fkey(email))')
		.eq('status', 'confirmed')
		.limit(1)
		.single();
	if (error) throw error;
	const [volunteer] = await volunteers(1, `Arkfrivillig ${randomUUID().slice(0, 6)}`);
	const { data: who } = await db().from('users').select('display_name').eq('id', volunteer.id).single();
	const taskId = await task({ household_id: match.household_id, title: `Innflytting ark ${randomUUID().slice(0, 6)}` });
	const { error: e2 } = await signUp(taskId, volunteer.id);
	if (e2) throw e2;
	return {
		householdId: match.household_id,
		street: match.dwelling!.street,
		landlord: match.dwelling!.landlord!.email,
		taskId,
		volunteer: who!.display_name
	};
}

describe('the move-in sheet', () => {
	it('shows staff the home, the landlord’s contact and the tasks with their volunteers, and logs the read', async () => {
		const s = await settledWithTask();
		const { data: task } = await db().from('tasks').select('title').eq('id', s.taskId).single();
		const before = await reads(s.householdId);
		const res = await staff.get(`/staff/households/${s.householdId}/sheet`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const text of [s.street, s.landlord, task!.title, s.volunteer]) expect(html).toContain(text);
		expect(html).toContain('Skriv ut med utskrifta i nettlesaren');
		expect(await reads(s.householdId)).toBe(before + 1);
	});

	it('shows a task’s sheet with its volunteers and the household’s contact, and logs that read too', async () => {
		const s = await settledWithTask();
		const { data: h } = await db().from('households').select('contact_name').eq('id', s.householdId).single();
		const before = await reads(s.householdId);
		const res = await staff.get(`/staff/tasks/${s.taskId}/sheet`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(s.volunteer);
		expect(html).toContain('1 av 5 frivillige');
		if (h!.contact_name) expect(html).toContain(h!.contact_name);
		expect(await reads(s.householdId)).toBe(before + 1);
	});

	it('answers 404 for a household or task that does not exist', async () => {
		for (const path of [`/staff/households/${randomUUID()}/sheet`, `/staff/tasks/${randomUUID()}/sheet`]) {
			expect((await staff.get(path)).status, path).toBe(404);
		}
	});

	it('gives a landlord and a volunteer nothing of the household, and logs no read for them', async () => {
		const s = await settledWithTask();
		const before = await reads(s.householdId);
		for (const email of ['utleigar02@example.no', 'frivillig02@example.no']) {
			const other = new Client(app.url, `10.19.1.${Math.floor(Math.random() * 200) + 1}`);
			await other.login(email);
			for (const path of [`/staff/households/${s.householdId}/sheet`, `/staff/tasks/${s.taskId}/sheet`]) {
				const res = await other.get(path);
				expect(res.status, `${email} ${path}`).not.toBe(200);
				expect(await res.text()).not.toContain(s.volunteer);
			}
		}
		expect(await reads(s.householdId)).toBe(before);
	});
});
