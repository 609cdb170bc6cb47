import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queue } from '../../src/lib/server/db/reminders';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { seedId } from '../helpers/seed';
import { HOUR, signUp, task, titleOf, volunteers } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

describe('sign-ups', () => {
	it('confirms exactly 5 of 50 concurrent sign-ups for 5 places and waitlists 45, first come first served', async () => {
		const taskId = await task();
		const people = await volunteers(50);
		const results = await Promise.all(people.map((p) => signUp(taskId, p.id)));
		expect(results.every((r) => r.error === null)).toBe(true);
		const { data } = await serviceClient()
			.from('signups')
			.select('status, joined_at, volunteer_id')
			.eq('task_id', taskId)
			.order('joined_at');
		expect(data!.filter((s) => s.status === 'confirmed')).toHaveLength(5);
		expect(data!.filter((s) => s.status === 'waitlisted')).toHaveLength(45);
		// the five confirmed came first
		expect(data!.slice(0, 5).every((s) => s.status === 'confirmed')).toBe(true);
		expect(new Set(data!.map((s) => s.joined_at)).size).toBe(50);
		// each got the answer that matches their row
		for (const [i, p] of people.entries()) expect(results[i].data).toBe(data!.find((s) => s.volunteer_id === p.id)!.status);
	});

	it('gives a freed place to the first on the waitlist, who is told by mail', async () => {
		const taskId = await task({ volunteers_needed: 1 });
		const [a, b, c] = await volunteers(3);
		for (const p of [a, b, c]) expect((await signUp(taskId, p.id)).error).toBeNull();
		const { error } = await serviceClient().rpc('withdraw_signup', { p_task: taskId, p_volunteer: a.id });
		expect(error).toBeNull();
		const { data } = await serviceClient().from('signups').select('volunteer_id, status').eq('task_id', taskId);
		const statusOf = (id: string) => data!.find((s) => s.volunteer_id === id)!.status;
		expect([statusOf(a.id), statusOf(b.id), statusOf(c.id)]).toEqual(['withdrawn', 'confirmed', 'waitlisted']);
		const { count } = await serviceClient()
			.from('notifications')
			.select('*', { count: 'exact', head: true })
			.eq('recipient', b.email)
			.eq('template', 'signup_promoted');
		expect(count).toBe(1);
	});

	it('refuses a second sign-up and a task at an overlapping time', async () => {
		const first = await task({}, 100 * HOUR);
		const overlapping = await task({}, 101 * HOUR);
		const later = await task({}, 110 * HOUR);
		const [p] = await volunteers(1);
		expect((await signUp(first, p.id)).data).toBe('confirmed');
		expect((await signUp(first, p.id)).error?.hint).toBe('already_signed_up');
		expect((await signUp(overlapping, p.id)).error?.hint).toBe('overlap');
		expect((await signUp(later, p.id)).data).toBe('confirmed');
	});

	it('lets only volunteers with a police certificate staff have seen, valid on the day, on a task with children', async () => {
		const taskId = await task({ requires_police_certificate: true }, 200 * HOUR);
		const [none, seen, expired] = await volunteers(3);
		const day = (offset: number) => new Date(Date.now() + offset * 24 * HOUR).toISOString().slice(0, 10);
		await serviceClient()
			.from('volunteer_profiles')
			.insert([
				{
					user_id: seen.id,
					police_certificate_status: 'valid',
					police_certificate_seen_on: day(-10),
					police_certificate_expires_on: day(365)
				},
				{
					user_id: expired.id,
					police_certificate_status: 'valid',
					police_certificate_seen_on: day(-400),
					police_certificate_expires_on: day(2)
				}
			]);
		expect((await signUp(taskId, none.id)).error?.hint).toBe('certificate_required');
		expect((await signUp(taskId, expired.id)).error?.hint).toBe('certificate_required');
		expect((await signUp(taskId, seen.id)).data).toBe('confirmed');
	});
});

describe('verified addresses', () => {
	it('are required by the database itself to sign up for a task or send in an offer', async () => {
		const db = serviceClient();
		const { data: person } = await db
			.from('users')
			.insert({ email: `unverified-${randomUUID().slice(0, 8)}@example.no`, display_name: 'Ikkje stadfesta' })
			.select('id')
			.single();
		const taskId = await task({}, 600 * HOUR);
		expect((await signUp(taskId, person!.id)).error?.hint).toBe('unverified');

		const { data: offer } = await db
			.from('dwellings')
			.insert({
				landlord_id: person!.id,
				status: 'draft',
				street: 'Uverifisert 1',
				postcode: '5914',
				place: 'Lid',
				locality: 'Lid',
				bedrooms: 1,
				beds: 1,
				max_occupants: 1,
				rent_nok: 5000,
				available_from: '2027-01-01',
				fire_safety_confirmed: true
			})
			.select('id')
			.single();
		const { error } = await db.from('dwellings').update({ status: 'submitted' }).eq('id', offer!.id);
		expect(error?.hint).toBe('unverified');
	});
});

describe('the task page', () => {
	it('shows the exact address only to confirmed volunteers, and only from 48 hours before', async () => {
		const soon = await task({ volunteers_needed: 1, address: 'Hemmelegvegen 1' }, 24 * HOUR);
		const later = await task({ volunteers_needed: 1, address: 'Hemmelegvegen 2' }, 96 * HOUR);
		const [p, other] = await volunteers(2);
		await signUp(soon, p.id);
		await signUp(later, p.id);
		await signUp(soon, other.id); // waitlisted
		const client = new Client(app.url);
		await client.login(p.email);
		expect(await (await client.get(`/volunteer/tasks/${soon}`)).text()).toContain('Hemmelegvegen 1');
		expect(await (await client.get(`/volunteer/tasks/${later}`)).text()).not.toContain('Hemmelegvegen 2');
		const waiting = new Client(app.url);
		await waiting.login(other.email);
		const html = await (await waiting.get(`/volunteer/tasks/${soon}`)).text();
		expect(html).not.toContain('Hemmelegvegen 1');
		expect(html).toContain('Du er nummer 1 på ventelista.');
	});

	it('signs up and withdraws through the page, and serves the calendar file only to those with a place', async () => {
		const taskId = await task({ volunteers_needed: 2 }, 150 * HOUR);
		const [p, q] = await volunteers(2);
		const client = new Client(app.url);
		await client.login(p.email);
		expect(location(await client.post(`/volunteer/tasks/${taskId}?/signup`))).toBe(`/volunteer/tasks/${taskId}?confirmed`);
		const ics = await client.get(`/volunteer/tasks/${taskId}/calendar.ics`);
		expect(ics.status).toBe(200);
		expect(ics.headers.get('content-type')).toContain('text/calendar');
		expect(await ics.text()).toMatch(/DTSTART:\d{8}T\d{6}Z/);
		const stranger = new Client(app.url);
		await stranger.login(q.email);
		expect((await stranger.get(`/volunteer/tasks/${taskId}/calendar.ics`)).status).toBe(404);
		expect(location(await client.post(`/volunteer/tasks/${taskId}?/withdraw`))).toBe(`/volunteer/tasks/${taskId}?withdrawn`);
		expect((await client.get(`/volunteer/tasks/${taskId}/calendar.ics`)).status).toBe(404);
	});

	it('says why a sign-up was refused', async () => {
		const taskId = await task({ requires_police_certificate: true }, 300 * HOUR);
		const client = new Client(app.url);
		await client.login('frivillig03@example.no'); // no certificate in the seed
		const res = await client.post(`/volunteer/tasks/${taskId}?/signup`);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('kommunen har ikkje sett ein gyldig politiattest');
	});
});

describe('the volunteer profile', () => {
	it('saves languages, skills, places and availability together, and shows them again', async () => {
		const [p] = await volunteers(1);
		const client = new Client(app.url);
		await client.login(p.email);
		const bad = await client.post('/volunteer/profile', [
			['phone', 'ring meg'],
			['languages[0].language', 'nb'],
			['languages[0].level', 'native'],
			['languages[1].language', 'uk'],
			['skills', 'cooking']
		]);
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('Telefonnummeret kan berre ha tal');
		// the row without a level is named by its own field, and what was typed is kept
		expect(html).toMatch(/id="languages\[1\]-error"[^>]*>Vel nivå for kvart språk du har skrive\./);
		expect(html).toMatch(/<option value="uk" selected/);
		expect(html).toMatch(/name="skills" value="cooking" checked/);

		// a post as a browser without JavaScript sends it: a checkbox group repeats its name,
		// the rows of languages are numbered
		const saved = await client.post('/volunteer/profile', [
			['phone', '+47 912 34 567'],
			['languages[0].language', 'uk'],
			['languages[0].level', 'native'],
			['languages[0].interpreting', 'on'],
			['languages[1].language', 'en'],
			['languages[1].level', 'fluent'],
			['languages[2].language', ''],
			['languages[2].level', ''],
			['skills', 'driving_licence'],
			['skills', 'own_car'],
			['localities', 'Lid, Straumvik'],
			['availability.sat', 'morning'],
			['availability.mon', 'evening'],
			['max_tasks_per_month', '3']
		]);
		expect(location(saved)).toBe('/volunteer/profile?saved');
		const { data } = await serviceClient()
			.from('volunteer_profiles')
			.select('phone, skills, localities, availability, max_tasks_per_month, volunteer_languages(language, level, interpreting)')
			.eq('user_id', p.id)
			.single();
		expect(data!.phone).toBe('+47 912 34 567');
		expect(data!.skills).toEqual(['driving_licence', 'own_car']);
		expect(data!.localities).toEqual(['Lid', 'Straumvik']);
		expect(data!.availability).toEqual({ mon: ['evening'], sat: ['morning'] });
		expect(data!.max_tasks_per_month).toBe(3);
		expect(data!.volunteer_languages).toEqual(
			expect.arrayContaining([
				{ language: 'uk', level: 'native', interpreting: true },
				{ language: 'en', level: 'fluent', interpreting: false }
			])
		);
		// and back into the edit form, row by row and box by box
		const page = await (await client.get('/volunteer/profile')).text();
		expect(page).toContain('value="Lid, Straumvik"');
		const selected = (name: string) =>
			page
				.match(new RegExp(`name="${name.replace(/[[\].]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</select>`))?.[1]
				.match(/<option value="([^"]*)" selected/)?.[1];
		expect([0, 1].map((i) => [selected(`languages[${i}].language`), selected(`languages[${i}].level`)])).toEqual(
			expect.arrayContaining([
				['uk', 'native'],
				['en', 'fluent']
			])
		);
		expect(selected('languages[2].language')).toBeUndefined();
		expect(page).toMatch(/name="skills" value="driving_licence" checked/);
		expect(page).toMatch(/name="skills" value="own_car" checked/);
		expect(page).not.toMatch(/name="skills" value="cooking" checked/);
		expect(page).toMatch(/name="availability\.sat" value="morning"[^>]* checked/);
		expect(page).toMatch(/name="availability\.mon" value="evening"[^>]* checked/);
		expect(page).not.toMatch(/name="availability\.mon" value="morning"[^>]* checked/);
	});
});

describe('staff tasks', () => {
	it('creates a task from Norwegian wall-clock times, refusing an end before the start', async () => {
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const base = { type: 'move_in', title: 'Innflytting Testvegen', locality: 'Lid', address: 'Testvegen 4', volunteers_needed: '3' };
		const bad = await staff.post('/staff/tasks/new', { ...base, starts_at: '2027-07-01T10:00', ends_at: '2027-07-01T09:00' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Sluttida må vere etter starttida.');
		// the needed skills: a group of checkboxes with one name, repeated
		const ok = await staff.post('/staff/tasks/new', [
			...Object.entries(base),
			['starts_at', '2027-07-01T10:00'],
			['ends_at', '2027-07-01T13:00'],
			['needed_languages', 'uk'],
			['needed_skills', 'van_trailer'],
			['needed_skills', 'furniture_assembly'],
			['requires_police_certificate', 'on']
		]);
		expect(location(ok)).toBe('/staff/tasks?created');
		const { data } = await serviceClient()
			.from('tasks')
			.select('starts_at, ends_at, needed_languages, needed_skills, requires_police_certificate')
			.eq('title', 'Innflytting Testvegen')
			.single();
		// 10:00 in Oslo in July is 08:00 UTC
		expect(new Date(data!.starts_at).toISOString()).toBe('2027-07-01T08:00:00.000Z');
		expect(new Date(data!.ends_at).toISOString()).toBe('2027-07-01T11:00:00.000Z');
		expect(data!.needed_languages).toEqual(['uk']);
		expect(data!.needed_skills).toEqual(['van_trailer', 'furniture_assembly']);
		expect(data!.requires_police_certificate).toBe(true);
		expect(await (await staff.get('/staff/tasks')).text()).toContain('Innflytting Testvegen');
	});
});

describe('reminders', () => {
	it('queue one reminder per confirmed volunteer of a task starting within 24 hours, however often they run', async () => {
		const soon = await task({ volunteers_needed: 1 }, 20 * HOUR);
		const later = await task({ volunteers_needed: 1 }, 40 * HOUR);
		const [p, q, r] = await volunteers(3);
		await signUp(soon, p.id);
		await signUp(soon, q.id); // waitlisted: no reminder
		await signUp(later, r.id);
		await queue();
		await queue();
		const count = async (email: string) =>
			(
				await serviceClient()
					.from('notifications')
					.select('*', { count: 'exact', head: true })
					.eq('recipient', email)
					.eq('template', 'task_reminder')
			).count;
		expect(await count(p.email)).toBe(1);
		expect(await count(q.email)).toBe(0);
		expect(await count(r.email)).toBe(0);
	});
});

describe('the reminder mail', () => {
	it('carries the task’s calendar file, as the sign-up mail does, delivered through SMTP', async () => {
		const soon = await task({ volunteers_needed: 1 }, 21 * HOUR);
		const [p] = await volunteers(1);
		expect((await signUp(soon, p.id)).data).toBe('confirmed');
		const title = await titleOf(soon);
		await queue();

		const signedUp = await mailTo(p.email, /^Du er med:/);
		const reminder = await mailTo(p.email, /^Påminning:/);
		expect(reminder.subject).toContain(title);
		const file = reminder.attachments?.find((a) => a.filename.endsWith('.ics'));
		expect(file?.contentType).toContain('text/calendar');
		const { data } = await serviceClient().from('tasks').select('starts_at, ends_at').eq('id', soon).single();
		const utc = (iso: string) =>
			new Date(iso)
				.toISOString()
				.replace(/[-:]/g, '')
				.replace(/\.\d{3}/, '');
		// the same event as the sign-up mail's file (one UID), at the task's times, a later version of it
		const ics = file!.content.replace(/\r\n[ \t]/g, '');
		expect(ics).toContain(`UID:${soon}@busett`);
		expect(ics).toContain(`DTSTART:${utc(data!.starts_at)}`);
		expect(ics).toContain(`DTEND:${utc(data!.ends_at)}`);
		expect(ics).toMatch(new RegExp(`URL:https?://[^\\s]+/volunteer/tasks/${soon}`));
		expect(ics).toMatch(/SEQUENCE:\d+/);
		expect(signedUp.attachments?.find((a) => a.filename.endsWith('.ics'))?.content).toContain(`UID:${soon}@busett`);
	});
});

describe('a sign-up refused for want of a police certificate', () => {
	it('says what it means and what to do, apart from the errors to correct, and links to how to apply', async () => {
		const taskId = await task({ requires_police_certificate: true }, 410 * HOUR);
		const [p] = await volunteers(1);
		const client = new Client(app.url);
		await client.login(p.email);
		const res = await client.post(`/volunteer/tasks/${taskId}?/signup`);
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(html).toContain('Du treng politiattest for dette oppdraget');
		expect(html).toContain('Dette er ikkje noko du kan rette her.');
		expect(html).toContain('href="/volunteer/profile#certificate"');
		// not under "something must be corrected": there is nothing to correct
		expect(html).not.toContain('Det er noko som må rettast');
		const { count } = await serviceClient()
			.from('signups')
			.select('*', { count: 'exact', head: true })
			.eq('task_id', taskId)
			.eq('volunteer_id', p.id);
		expect(count).toBe(0);

		// the section it links to is there, for a volunteer with no certificate on record too
		const profile = await (await client.get('/volunteer/profile')).text();
		expect(profile).toContain('id="certificate"');
		expect(profile).toContain('politiet.no');

		// another refusal still shows as before, under the summary
		const closed = await task({ status: 'cancelled' }, 420 * HOUR);
		const other = await client.post(`/volunteer/tasks/${closed}?/signup`);
		expect(await other.text()).toContain('Det er noko som må rettast');
	});
});

describe('staff and police certificates', () => {
	it('record a seen certificate, which opens tasks with children to the volunteer, and list it when it expires soon', async () => {
		const taskId = await task({ requires_police_certificate: true }, 400 * HOUR);
		const [p] = await volunteers(1);
		expect((await signUp(taskId, p.id)).error?.hint).toBe('certificate_required');
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const day = (offset: number) => new Date(Date.now() + offset * 24 * HOUR).toISOString().slice(0, 10);
		const wrong = await staff.post('/staff/volunteers?/certificate', { volunteer_id: p.id, seen_on: day(0), expires_on: day(-1) });
		expect(wrong.status).toBe(400);
		expect(location(await staff.post('/staff/volunteers?/certificate', { volunteer_id: p.id, seen_on: day(0), expires_on: day(20) }))).toBe(
			'/staff/volunteers?recorded'
		);
		const { data } = await serviceClient()
			.from('volunteer_profiles')
			.select('police_certificate_status, police_certificate_seen_by')
			.eq('user_id', p.id)
			.single();
		expect(data).toEqual({ police_certificate_status: 'valid', police_certificate_seen_by: seedId('user:staff') });
		expect((await signUp(taskId, p.id)).data).toBe('confirmed');
		const page = await (await staff.get('/staff/volunteers?certificate=valid')).text();
		expect(page).toContain('Politiattestar som går ut innan 30 dagar');
		expect(page).toContain(day(20));
	});
});

describe('hours', () => {
	it('are reported by a volunteer who had a place, after the task, and approved by staff', async () => {
		const [p, q] = await volunteers(2);
		// a task that has ended: made as a future task, signed up, then moved into the past
		const taskId = await task({ volunteers_needed: 1 }, 500 * HOUR);
		await signUp(taskId, p.id);
		await signUp(taskId, q.id); // waitlisted: no hours
		const volunteer = new Client(app.url);
		await volunteer.login(p.email);
		expect((await volunteer.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '3' })).status).toBe(409); // not ended yet
		await serviceClient()
			.from('tasks')
			.update({ starts_at: new Date(Date.now() - 5 * HOUR).toISOString(), ends_at: new Date(Date.now() - 2 * HOUR).toISOString() })
			.eq('id', taskId);
		expect((await volunteer.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '2,25' })).status).toBe(400);
		expect(location(await volunteer.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '2,5' }))).toBe(`/volunteer/tasks/${taskId}?hours`);
		const waiting = new Client(app.url);
		await waiting.login(q.email);
		expect((await waiting.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '2' })).status).toBe(409);

		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const { data: signup } = await serviceClient()
			.from('signups')
			.select('id, hours')
			.eq('task_id', taskId)
			.eq('volunteer_id', p.id)
			.single();
		expect(Number(signup!.hours)).toBe(2.5);
		expect(await (await staff.get('/staff/tasks')).text()).toContain('Timar å godkjenne');
		expect(location(await staff.post('/staff/tasks?/approve', { signup_id: signup!.id }))).toBe('/staff/tasks?approved');
		const { data: approved } = await serviceClient()
			.from('signups')
			.select('hours_approved_at, hours_approved_by')
			.eq('id', signup!.id)
			.single();
		expect(approved!.hours_approved_by).toBe(seedId('user:staff'));
		// once approved, the volunteer cannot change them
		expect((await volunteer.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '8' })).status).toBe(409);
	});

	it('are corrected or rejected by staff with a note the volunteer gets by mail, and then stay as staff left them', async () => {
		const [p, q] = await volunteers(2);
		const taskId = await task({ volunteers_needed: 2 }, 500 * HOUR);
		for (const v of [p, q]) await signUp(taskId, v.id);
		await serviceClient()
			.from('tasks')
			.update({ starts_at: new Date(Date.now() - 5 * HOUR).toISOString(), ends_at: new Date(Date.now() - 2 * HOUR).toISOString() })
			.eq('id', taskId);
		const title = await titleOf(taskId);
		const volunteerP = new Client(app.url);
		await volunteerP.login(p.email);
		const volunteerQ = new Client(app.url);
		await volunteerQ.login(q.email);
		expect(location(await volunteerP.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '6' }))).toBe(`/volunteer/tasks/${taskId}?hours`);
		expect(location(await volunteerQ.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '3' }))).toBe(`/volunteer/tasks/${taskId}?hours`);
		const { data: rows } = await serviceClient().from('signups').select('id, volunteer_id').eq('task_id', taskId);
		const signupOf = (v: { id: string }) => rows!.find((r) => r.volunteer_id === v.id)!.id;

		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		// a correction needs a note and other hours than reported; what was typed stays
		const noNote = await staff.post('/staff/tasks?/correct', { signup_id: signupOf(p), hours: '3,5', note: ' ' });
		expect(noNote.status).toBe(400);
		const noNotePage = await noNote.text();
		expect(noNotePage).toContain('Skriv kvifor, så den frivillige forstår det.');
		expect(noNotePage).toContain('value="3,5"');
		const same = await staff.post('/staff/tasks?/correct', { signup_id: signupOf(p), hours: '6', note: 'Sjekka' });
		expect(same.status).toBe(400);
		expect(await same.text()).toContain('Skriv eit anna tal enn det den frivillige rapporterte');
		expect((await staff.post('/staff/tasks?/reject', { signup_id: signupOf(q), note: '' })).status).toBe(400);

		expect(
			location(
				await staff.post('/staff/tasks?/correct', { signup_id: signupOf(p), hours: '3,5', note: 'Oppdraget varte tre og ein halv time.' })
			)
		).toBe('/staff/tasks?corrected');
		expect(
			location(await staff.post('/staff/tasks?/reject', { signup_id: signupOf(q), note: 'Du var ikkje med på dette oppdraget.' }))
		).toBe('/staff/tasks?rejected');
		const { data: reviewed } = await serviceClient()
			.from('signups')
			.select('volunteer_id, hours, hours_reported, hours_review, hours_note, hours_approved_by')
			.eq('task_id', taskId);
		const of = (v: { id: string }) => reviewed!.find((r) => r.volunteer_id === v.id)!;
		expect(of(p)).toMatchObject({ hours_review: 'corrected', hours_note: 'Oppdraget varte tre og ein halv time.' });
		expect([Number(of(p).hours), Number(of(p).hours_reported)]).toEqual([3.5, 6]);
		expect(of(q)).toMatchObject({ hours_review: 'rejected', hours: null, hours_approved_by: seedId('user:staff') });
		expect(Number(of(q).hours_reported)).toBe(3);

		// each volunteer is told, with the note, and their task page says what happened
		const corrected = await mailTo(p.email, new RegExp(`Timane dine for ${title}`));
		expect(corrected.text).toContain(`Timar du rapporterte for ${title}`);
		expect(corrected.text).toContain('Vi har retta det til 3,5.');
		expect(corrected.text).toContain('Oppdraget varte tre og ein halv time.');
		expect((await mailTo(q.email, new RegExp(`Timane dine for ${title}`))).text).toContain('Du var ikkje med på dette oppdraget.');
		const pageP = await (await volunteerP.get(`/volunteer/tasks/${taskId}`)).text();
		expect(pageP).toContain('Timar du rapporterte: 6. Dei tilsette har retta det til 3,5.');
		expect(pageP).not.toContain('name="hours"');
		expect(await (await volunteerQ.get(`/volunteer/tasks/${taskId}`)).text()).toContain('Dei tilsette har ikkje godkjent timane.');

		// reviewed once: neither staff again nor the volunteer can change them
		expect((await staff.post('/staff/tasks?/approve', { signup_id: signupOf(q) })).status).toBe(409);
		expect((await staff.post('/staff/tasks?/correct', { signup_id: signupOf(q), hours: '2', note: 'Likevel' })).status).toBe(409);
		expect((await volunteerQ.post(`/volunteer/tasks/${taskId}?/hours`, { hours: '3' })).status).toBe(409);
		// the dashboard's "approved hours" count the correction, not the report, and nothing of the rejection
		const { data: sums } = await serviceClient().from('signups').select('hours').eq('task_id', taskId).not('hours_approved_at', 'is', null);
		expect(sums!.reduce((n, r) => n + Number(r.hours ?? 0), 0)).toBe(3.5);
	});
});

describe('hours waiting for review', () => {
	it('are shown the oldest 20 at a time, with how many wait in all', async () => {
		const people = await volunteers(25);
		const taskId = await task({ volunteers_needed: 25 }, 500 * HOUR);
		for (const p of people) expect((await signUp(taskId, p.id)).error).toBeNull();
		const db = serviceClient();
		await db
			.from('tasks')
			.update({ starts_at: new Date(Date.now() - 5 * HOUR).toISOString(), ends_at: new Date(Date.now() - 2 * HOUR).toISOString() })
			.eq('id', taskId);
		expect((await db.from('signups').update({ hours: 2 }).eq('task_id', taskId)).error).toBeNull();

		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const html = await (await staff.get('/staff/tasks')).text();
		// one correction field per row shown
		expect(html.match(/id="hours-[0-9a-f-]{36}-hours"/g)).toHaveLength(20);
		const total = Number(/Dei 20 eldste av (\d+) som ventar/.exec(html)?.[1]);
		expect(total).toBeGreaterThanOrEqual(25);
		await db.from('signups').update({ hours: null }).eq('task_id', taskId);
	});
});
