// Concurrency through the whole app, as people would cause it: many logged-in volunteers
// pressing "sign up" at once for a task with few places, ten staff sessions proposing
// the same dwelling to ten households at once, one volunteer signing up for two
// overlapping tasks from two tabs at once, and a burst of password guesses. The database
// decides; the counts must be exact. (Two mail workers on one outbox: tests/integration/mail.test.ts; two app
// instances: tests/integration/instances.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { HOUR, task, volunteers } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }));
});
afterAll(() => app?.stop());

async function loggedIn(email: string, n: number): Promise<Client> {
	const client = new Client(app.url, `10.7.${n >> 8}.${n & 255}`);
	const res = await client.login(email);
	expect(res.status, `login ${email}`).toBe(303);
	return client;
}

describe('concurrent requests through the app', () => {
	it('gives 5 places to exactly 5 of 50 volunteers signing up at once and waitlists the other 45 in order', async () => {
		const people = await volunteers(50, 'Samtidig Frivillig');
		const clients: Client[] = [];
		for (const [n, v] of people.entries()) clients.push(await loggedIn(v.email, n + 1));
		const taskId = await task({ volunteers_needed: 5 });

		const responses = await Promise.all(clients.map((c) => c.post(`/volunteer/tasks/${taskId}?/signup`)));
		expect(responses.map((r) => r.status).every((s) => s === 303)).toBe(true);
		const notices = responses.map((r) => new URL(location(r)!, app.url).searchParams);
		expect(notices.filter((p) => p.has('confirmed'))).toHaveLength(5);
		expect(notices.filter((p) => p.has('waitlisted'))).toHaveLength(45);

		const { data, error } = await serviceClient().from('signups').select('status, joined_at, id').eq('task_id', taskId);
		expect(error).toBeNull();
		expect(data!.filter((s) => s.status === 'confirmed')).toHaveLength(5);
		const waiting = data!.filter((s) => s.status === 'waitlisted');
		expect(waiting).toHaveLength(45);
		// first come, first served: every confirmed place was taken before any waitlisted one
		const lastConfirmed = data!
			.filter((s) => s.status === 'confirmed')
			.map((s) => s.joined_at)
			.sort()
			.at(-1)!;
		expect(waiting.every((s) => s.joined_at >= lastConfirmed)).toBe(true);

		// pressing again changes nothing: no double sign-up
		const again = await Promise.all(clients.slice(0, 10).map((c) => c.post(`/volunteer/tasks/${taskId}?/signup`)));
		expect(again.every((r) => r.status < 500)).toBe(true);
		const { count } = await serviceClient().from('signups').select('*', { count: 'exact', head: true }).eq('task_id', taskId);
		expect(count).toBe(50);
	});

	it('lets exactly one of ten staff sessions proposing one dwelling at once through, and tells the other nine', async () => {
		const staff: Client[] = [];
		for (let n = 0; n < 10; n++) staff.push(await loggedIn('sakshandsamar@fjordvik.kommune.no', 200 + n));
		// ten households that the dwelling fits, registered through the staff form
		const households: string[] = [];
		for (let n = 0; n < 10; n++) {
			const res = await staff[n].post('/staff/households/new', {
				imdi_reference: `CONC-${Date.now()}-${n}`,
				category: 'resettlement',
				adults: '1',
				elderly: '0',
				children_ages: '',
				languages: 'uk',
				expected_arrival: '2027-06-01',
				contact_name: 'Samtidig Testperson',
				contact_phone: '+47 911 22 333'
			});
			expect(res.status).toBe(303);
			households.push(location(res)!.split('/').pop()!.split('?')[0]);
		}
		// a free, approved dwelling that fits them all: the first one the engine suggests
		const page = await (await staff[0].get(`/staff/households/${households[0]}`)).text();
		const dwelling = /name="dwelling_id" value="([0-9a-f-]{36})"/.exec(page)?.[1];
		expect(dwelling, 'a suggested dwelling').toBeTruthy();

		const responses = await Promise.all(
			households.map((h, n) => staff[n].post(`/staff/households/${h}?/propose`, { dwelling_id: dwelling! }))
		);
		const statuses = responses.map((r) => r.status).sort();
		expect(statuses).toEqual([303, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
		for (const refused of responses.filter((r) => r.status === 409)) expect(await refused.text()).toMatch(/ope forslag|ikkje ledig/);

		const { data, error } = await serviceClient()
			.from('matches')
			.select('household_id, status')
			.eq('dwelling_id', dwelling!)
			.in('status', ['proposed', 'accepted_by_landlord', 'confirmed']);
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
		expect(households).toContain(data![0].household_id);
	});

	it('checks only 10 of 40 concurrent wrong passwords from one address, and refuses the other 30 unchecked', async () => {
		const [person] = await volunteers(1, 'Gjetta Frivillig');
		const ip = '10.7.250.1';
		const responses = await Promise.all(
			Array.from({ length: 40 }, (_, i) => new Client(app.url, ip).login(person.email, `gjetting nummer ${i}`))
		);
		const texts = await Promise.all(responses.map((r) => r.text()));
		const checked = texts.filter((t) => t.includes('Feil e-postadresse eller passord.'));
		const refused = responses.filter((r) => r.status === 429);
		expect(checked).toHaveLength(10);
		expect(refused).toHaveLength(30);
		// exactly the checked ones were counted
		const { count } = await serviceClient()
			.from('rate_limit_events')
			.select('*', { count: 'exact', head: true })
			.eq('key', `login:pair:${person.email.toLowerCase()}:${ip}`);
		expect(count).toBe(10);
	});
});

describe('one volunteer signing up for two overlapping tasks at once', () => {
	// the volunteer's active places (confirmed or waitlisted) among these tasks
	async function placesOn(volunteerId: string, taskIds: string[]) {
		const { data, error } = await serviceClient()
			.from('signups')
			.select('task_id, status')
			.eq('volunteer_id', volunteerId)
			.in('task_id', taskIds)
			.in('status', ['confirmed', 'waitlisted']);
		expect(error).toBeNull();
		return data!;
	}

	it('gets exactly one of the two places, in each of 20 rounds of two sign-ups sent at the same moment', async () => {
		const [volunteer] = await volunteers(1, 'Dobbel Frivillig');
		// two tabs (two sessions) of the same person
		const tabs = [await loggedIn(volunteer.email, 400), await loggedIn(volunteer.email, 401)];
		const both: number[] = [];
		for (let round = 0; round < 20; round++) {
			// fresh tasks each round, ten hours apart from the last round's: 10:00–13:00 and 11:00–14:00
			const start = 72 * HOUR + round * 10 * HOUR;
			const pair = await Promise.all([task({}, start), task({}, start + HOUR)]);
			const responses = await Promise.all(pair.map((id, n) => tabs[n].post(`/volunteer/tasks/${id}?/signup`)));
			expect(responses.map((r) => r.status).sort()).toEqual([303, 409]);
			const places = await placesOn(volunteer.id, pair);
			if (places.length !== 1) both.push(round);
		}
		expect(both, 'rounds in which the volunteer got both overlapping places').toEqual([]);
	});

	it('never keeps a volunteer on two overlapping tasks when staff move one task onto the other while they sign up (20 rounds)', async () => {
		const [volunteer] = await volunteers(1, 'Flytta Frivillig');
		const tab = await loggedIn(volunteer.email, 402);
		const clashes: number[] = [];
		for (let round = 0; round < 20; round++) {
			// the volunteer is on the first task; staff move it onto the second's time as the volunteer signs up for that
			const start = 30 * 24 * HOUR + round * 10 * HOUR;
			const [first, second] = await Promise.all([task({}, start), task({}, start + 5 * HOUR)]);
			expect((await tab.post(`/volunteer/tasks/${first}?/signup`)).status).toBe(303);
			const moved = new Date(Date.now() + start + 5 * HOUR);
			const [signup] = await Promise.all([
				tab.post(`/volunteer/tasks/${second}?/signup`),
				serviceClient().rpc('update_task', {
					p_task: first,
					p_changes: { starts_at: moved.toISOString(), ends_at: new Date(moved.getTime() + 3 * HOUR).toISOString() }
				})
			]);
			expect(signup.status).toBeLessThan(500);
			const { data: tasks } = await serviceClient().from('tasks').select('id, starts_at, ends_at').in('id', [first, second]);
			const [a, b] = tasks!;
			const overlapping = new Date(a.starts_at) < new Date(b.ends_at) && new Date(b.starts_at) < new Date(a.ends_at);
			if (overlapping && (await placesOn(volunteer.id, [first, second])).length === 2) clashes.push(round);
		}
		expect(clashes, 'rounds that left the volunteer on two overlapping tasks').toEqual([]);
	});
});
