// Audit log, "download my data", account erasure and retention, against the real stack.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../scripts/stack/migrate.ts';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { Client, location } from '../helpers/http';
import { seedId } from '../helpers/seed';
import { COMPLETE_OFFER, passedInspection } from '../helpers/dwellings';

const DEMO_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8XlyFTGN2KUagpyTsr/qhA$U/qjBqhAsDvxZblW832g0gYcp49LZjyhOApgrvkiVHI';
const STAFF = seedId('user:staff');
const HOUR = 3600_000;

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

const unique = () => randomUUID().slice(0, 8);

async function person(roles: ('landlord' | 'volunteer')[], name = `Testperson ${unique()}`) {
	const email = `personvern-${unique()}@example.no`;
	const { data, error } = await serviceClient()
		.from('users')
		.insert({ email, display_name: name, password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
		.select('id')
		.single();
	if (error) throw error;
	await serviceClient()
		.from('user_roles')
		.insert(roles.map((role) => ({ user_id: data.id, role })));
	return { id: data.id, email, name };
}

async function household(over: Record<string, unknown> = {}) {
	const { data, error } = await serviceClient()
		.from('households')
		.insert({
			imdi_reference: `PV-${unique()}`,
			category: 'resettlement',
			contact_name: `Kontakt ${unique()}`,
			contact_phone: '+47 400 00 000',
			...over
		})
		.select('id, imdi_reference, contact_name')
		.single();
	if (error) throw error;
	await serviceClient()
		.from('household_members')
		.insert({ household_id: data.id, age_band: 'adult', first_name: `Fornamn${unique()}` });
	return data;
}

const dwellingFields = { ...COMPLETE_OFFER, street: 'Personvernvegen 3' };

async function dwelling(landlordId: string | null, status: 'draft' | 'submitted' | 'approved' = 'submitted') {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...dwellingFields, landlord_id: landlordId, status: status === 'approved' ? 'submitted' : status })
		.select('id')
		.single();
	if (error) throw error;
	if (status === 'approved') await serviceClient().from('dwellings').update({ status: 'approved' }).eq('id', data.id);
	return data.id;
}

async function auditRows(entityId: string) {
	const { data, error } = await serviceClient().from('audit_log').select('*').eq('entity_id', entityId).order('id');
	if (error) throw error;
	return data;
}

async function loggedIn(email: string) {
	const client = new Client(app.url, `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
	expect((await client.login(email)).status).toBe(303);
	return client;
}

describe('the audit log', () => {
	it('records a staff read and a change of a household, with who, before and after', async () => {
		const h = await household();
		const staff = await loggedIn('sakshandsamar@fjordvik.kommune.no');
		expect((await staff.get(`/staff/households/${h.id}`)).status).toBe(200);
		expect(location(await staff.post(`/staff/households/${h.id}?/status`, { status: 'cancelled' }))).toBe(
			`/staff/households/${h.id}?status`
		);

		const rows = await auditRows(h.id);
		expect(rows.find((r) => r.action === 'read')).toMatchObject({ actor_id: STAFF, entity: 'household' });
		expect(rows.find((r) => r.entity === 'household' && r.action === 'create')?.after).toMatchObject({ contact_name: h.contact_name });
		expect(rows.find((r) => r.entity === 'household_member' && r.action === 'create')).toBeDefined();
		const change = rows.find((r) => r.action === 'update' && r.entity === 'household');
		expect(change).toMatchObject({ actor_id: STAFF, before: { status: 'expected' }, after: { status: 'cancelled' } });
	});

	it('records a staff read and a review of a dwelling, with who, before and after', async () => {
		const id = await dwelling(null, 'submitted');
		await passedInspection(id);
		const staff = await loggedIn('sakshandsamar@fjordvik.kommune.no');
		expect((await staff.get(`/staff/dwellings/${id}`)).status).toBe(200);
		expect(location(await staff.post(`/staff/dwellings/${id}?/review`, { decision: 'approved', staff_note: 'Sett på staden' }))).toBe(
			`/staff/dwellings/${id}?reviewed`
		);
		const rows = await auditRows(id);
		expect(rows.find((r) => r.action === 'read')).toMatchObject({ actor_id: STAFF, entity: 'dwelling' });
		const change = rows.find((r) => r.action === 'update' && (r.after as Record<string, unknown>)?.status === 'approved');
		expect(change).toMatchObject({
			actor_id: STAFF,
			before: { status: 'submitted', staff_note: '' },
			after: { staff_note: 'Sett på staden' }
		});
	});

	it('records a volunteer’s own profile change and a staff read of the profile', async () => {
		const v = await person(['volunteer']);
		const client = await loggedIn(v.email);
		const phone = `+47 9${Math.floor(1000000 + Math.random() * 8999999)}`;
		expect((await client.post('/volunteer/profile', { phone, localities: 'Lid', max_tasks_per_month: '3' })).status).toBe(303);
		expect(
			(await client.post('/volunteer/profile', { phone: '+47 11 22 33 44', localities: 'Lid', max_tasks_per_month: '3' })).status
		).toBe(303);
		const staff = await loggedIn('sakshandsamar@fjordvik.kommune.no');
		const page = await staff.get(`/staff/volunteers/${v.id}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('+47 11 22 33 44');

		const rows = await auditRows(v.id);
		expect(rows.find((r) => r.action === 'create')).toMatchObject({ actor_id: v.id, entity: 'volunteer_profile', after: { phone } });
		expect(rows.find((r) => r.action === 'update')).toMatchObject({
			actor_id: v.id,
			before: { phone },
			after: { phone: '+47 11 22 33 44' }
		});
		expect(rows.find((r) => r.action === 'read')).toMatchObject({ actor_id: STAFF, entity: 'volunteer_profile' });
	});

	it('cannot be edited or deleted by the app: the database refuses', async () => {
		const h = await household();
		const [row] = await auditRows(h.id);
		const db = serviceClient();
		const edit = await db
			.from('audit_log')
			.update({ after: { contact_name: 'endra' } })
			.eq('id', row.id);
		expect(edit.error?.message).toContain('append-only');
		const retarget = await db.from('audit_log').update({ entity_id: 'noko anna' }).eq('id', row.id);
		expect(retarget.error?.message).toContain('append-only');
		const remove = await db.from('audit_log').delete().eq('id', row.id);
		expect(remove.error?.message).toContain('append-only');
		// nor through the functions' switch: it is set only inside a transaction of theirs
		const redact = await db.from('audit_log').update({ after: null, before: null }).eq('id', row.id);
		expect(redact.error?.message).toContain('append-only');
		expect((await auditRows(h.id))[0]).toEqual(row);
	});

	it('shows an admin the rows of one record, newest first', async () => {
		const h = await household();
		const staff = await loggedIn('sakshandsamar@fjordvik.kommune.no');
		await staff.get(`/staff/households/${h.id}`);
		const admin = await loggedIn('admin@fjordvik.kommune.no');
		const html = await (await admin.get(`/staff/admin/audit?record=${h.id}`)).text();
		expect(html).toContain('1–3 av 3');
		const table = html.slice(html.indexOf('<tbody'));
		expect(table.indexOf('lese')).toBeGreaterThan(0);
		expect(table.indexOf('lese')).toBeLessThan(table.indexOf('oppretta'));
		expect(html).toContain('Torbjørn Sakshandsamar');
	});
});

describe('download my data', () => {
	it('gives a volunteer their own data as a JSON attachment, and nobody else’s', async () => {
		const [me, other] = [await person(['volunteer']), await person(['volunteer'])];
		const start = new Date(Date.now() + 72 * HOUR);
		const { data: task } = await serviceClient()
			.from('tasks')
			.insert({
				type: 'guide',
				title: `Omvising ${unique()}`,
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + HOUR).toISOString(),
				locality: 'Lid',
				volunteers_needed: 3
			})
			.select('id, title')
			.single();
		for (const p of [me, other]) await serviceClient().rpc('sign_up_for_task', { p_task: task!.id, p_volunteer: p.id });

		const res = await (await loggedIn(me.email)).get('/account/data.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
		const text = await res.text();
		const data = JSON.parse(text);
		expect(data.account).toMatchObject({ id: me.id, email: me.email, display_name: me.name, roles: [{ role: 'volunteer' }] });
		expect(data.signups).toHaveLength(1);
		expect(data.signups[0].task.title).toBe(task!.title);
		// logging in made the address a known one: when, not which (it is kept only as a hash)
		expect(data.known_addresses).toEqual([{ last_login_at: expect.any(String) }]);
		expect(data.notifications.length).toBeGreaterThan(0);
		expect(text).not.toContain(other.email);
		expect(text).not.toContain(other.name);
		expect(text).not.toContain(other.id);
	});

	it('gives a landlord their dwellings, without staff notes or other landlords’ offers', async () => {
		const [me, other] = [await person(['landlord']), await person(['landlord'])];
		const mine = await dwelling(me.id, 'draft');
		const theirs = await dwelling(other.id, 'draft');
		await serviceClient().from('dwellings').update({ staff_note: 'intern merknad' }).eq('id', mine);
		const data = await (await (await loggedIn(me.email)).get('/account/data.json')).json();
		expect(data.dwellings.map((d: { id: string }) => d.id)).toEqual([mine]);
		expect(JSON.stringify(data)).not.toContain(theirs);
		expect(JSON.stringify(data)).not.toContain('intern merknad');
	});
});

describe('deleting an account', () => {
	it('leaves no personal data in any table, and keeps the confirmed match without it', async () => {
		const me = await person(['landlord', 'volunteer'], `Ragnhild Slettesen ${unique()}`);
		const phone = `+47 8${Math.floor(1000000 + Math.random() * 8999999)}`;
		const db = serviceClient();
		await db.rpc('save_volunteer_profile', { p_user: me.id, p_profile: { phone }, p_languages: [{ language: 'uk', level: 'fluent' }] });
		// a dwelling that housed a household (match confirmed), and a draft that never did
		const let_ = await dwelling(me.id, 'approved');
		const draft = await dwelling(me.id, 'draft');
		const h = await household();
		const { data: matchId, error } = await db.rpc('propose_match', {
			p_household: h.id,
			p_dwelling: let_,
			p_staff: STAFF,
			p_score: 1,
			p_reasons: []
		});
		expect(error).toBeNull();
		await db.rpc('answer_proposal', { p_match: matchId!, p_landlord: me.id, p_accept: true, p_reason: '' });
		expect((await db.rpc('confirm_match', { p_match: matchId!, p_staff: STAFF })).data).toBe(true);
		const start = new Date(Date.now() + 72 * HOUR);
		const { data: task } = await db
			.from('tasks')
			.insert({
				type: 'guide',
				title: 'Omvising',
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + HOUR).toISOString(),
				locality: 'Lid',
				volunteers_needed: 3
			})
			.select('id')
			.single();
		await db.rpc('sign_up_for_task', { p_task: task!.id, p_volunteer: me.id });
		await db.from('mail_opt_outs').insert({ email: me.email, category: 'reminders' });
		// staff are told that their police certificate runs out: a mail to others that names them
		const inTenDays = new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10);
		await db.rpc('record_police_certificate', { p_volunteer: me.id, p_staff: STAFF, p_seen_on: '2026-01-01', p_expires_on: inTenDays });
		await db.rpc('queue_certificate_expiry_notices');
		const { count: aboutThem } = await db
			.from('notifications')
			.select('*', { count: 'exact', head: true })
			.eq('template', 'certificate_expiring_staff')
			.eq('about_user_id', me.id);
		expect(aboutThem).toBeGreaterThan(0);
		const client = new Client(app.url, '10.77.1.1');
		await client.login(me.email, 'feil passord');
		await client.login(me.email);
		await client.get('/account/data.json');

		expect(location(await client.post('/account?/delete', { current_password: 'busett-demo-2026' }))).toBe('/?deleted');

		const { rows: tables } = await sql(stackEnv().databaseUrl, `select tablename from pg_tables where schemaname = 'public' order by 1`);
		expect(tables.length).toBeGreaterThan(15);
		const found: Record<string, number> = {};
		for (const { tablename } of tables) {
			const { rows } = await sql(
				stackEnv().databaseUrl,
				`select count(*)::int as n from public.${tablename} t
				 where strpos(lower(t::text), lower($1)) > 0 or strpos(lower(t::text), lower($2)) > 0 or strpos(t::text, $3) > 0`,
				[me.email, me.name, phone]
			);
			if (rows[0].n > 0) found[tablename] = rows[0].n;
		}
		expect(found).toEqual({});

		const { data: kept } = await db.from('dwellings').select('id, landlord_id, status').in('id', [let_, draft]);
		expect(kept).toEqual([{ id: let_, landlord_id: null, status: 'let' }]);
		const { data: match } = await db.from('matches').select('status, household_id').eq('id', matchId!).single();
		expect(match).toEqual({ status: 'confirmed', household_id: h.id });
	});
});

describe('deleting an account, precisely', () => {
	it('leaves other people’s mails alone, also those whose text holds the erased person’s name', async () => {
		const name = `Nils${unique()}`;
		const me = await person(['volunteer'], name);
		// someone else whose name holds the erased person's name, with mails of their own and one to staff about them
		const other = await person(['volunteer'], `Kari ${name}en`);
		const db = serviceClient();
		const start = new Date(Date.now() + 96 * HOUR);
		const { data: task } = await db
			.from('tasks')
			.insert({
				type: 'guide',
				title: `Omvising for ${name}`,
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + HOUR).toISOString(),
				locality: 'Lid',
				volunteers_needed: 3
			})
			.select('id')
			.single();
		await db.rpc('sign_up_for_task', { p_task: task!.id, p_volunteer: other.id });
		await db.rpc('withdraw_signup', { p_task: task!.id, p_volunteer: other.id });
		await db.rpc('sign_up_for_task', { p_task: task!.id, p_volunteer: other.id });
		const inTenDays = new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10);
		await db.rpc('record_police_certificate', { p_volunteer: other.id, p_staff: STAFF, p_seen_on: '2026-01-01', p_expires_on: inTenDays });
		await db.rpc('queue_certificate_expiry_notices');
		const { data: before } = await db
			.from('notifications')
			.select('id, status, payload')
			.or(`user_id.eq.${other.id},about_user_id.eq.${other.id}`)
			.order('id');
		// some sent, some still waiting
		expect(before!.length).toBeGreaterThanOrEqual(3);
		await db.from('notifications').update({ status: 'sent' }).eq('id', before![0].id);
		before![0].status = 'sent';
		for (const row of before!) expect(JSON.stringify(row.payload)).toContain(name);

		const client = await loggedIn(me.email);
		expect(location(await client.post('/account?/delete', { current_password: 'busett-demo-2026' }))).toBe('/?deleted');

		const { data: after } = await db
			.from('notifications')
			.select('id, status, payload')
			.or(`user_id.eq.${other.id},about_user_id.eq.${other.id}`)
			.order('id');
		expect(after).toEqual(before);
		const { count } = await db.from('users').select('*', { count: 'exact', head: true }).eq('id', me.id);
		expect(count).toBe(0);
	});
});

describe('retention', () => {
	it('anonymises exactly the households settled more than the set number of months ago', async () => {
		const url = stackEnv().databaseUrl;
		const { rows } = await sql(
			url,
			`select public.retention_months() as months,
			   (current_date - make_interval(months => public.retention_months()) - interval '1 day')::date::text as over,
			   (current_date - make_interval(months => public.retention_months()))::date::text as under`
		);
		const { over, under } = rows[0] as { over: string; under: string };
		const old = await household({ status: 'settled', settled_on: over, staff_note: 'fortruleg' });
		const recent = await household({ status: 'settled', settled_on: under });
		const waiting = await household({ expected_arrival: over });
		const cancelled = await household({ status: 'cancelled' });

		const { data: before } = await serviceClient().rpc('retention_preview', { p_limit: 1000 });
		const tomorrow = (await sql(url, `select (current_date + 1)::text as d`)).rows[0].d;
		expect(before!.find((r) => r.due_on === tomorrow)?.households).toBeGreaterThanOrEqual(1);

		const { data: count, error } = await serviceClient().rpc('anonymise_settled_households');
		expect(error).toBeNull();
		expect(count).toBeGreaterThanOrEqual(1);

		const { data: after } = await serviceClient()
			.from('households')
			.select(
				'id, imdi_reference, contact_name, contact_phone, staff_note, anonymised_at, status, settled_on, household_members(first_name, age_band)'
			)
			.in('id', [old.id, recent.id, waiting.id, cancelled.id]);
		const byId = new Map(after!.map((r) => [r.id, r]));
		expect(byId.get(old.id)).toMatchObject({
			imdi_reference: `anonymisert-${old.id}`,
			contact_name: '',
			contact_phone: '',
			staff_note: '',
			status: 'settled',
			settled_on: over,
			household_members: [{ first_name: '', age_band: 'adult' }]
		});
		expect(byId.get(old.id)!.anonymised_at).not.toBeNull();
		for (const h of [recent, waiting, cancelled])
			expect(byId.get(h.id)).toMatchObject({ imdi_reference: h.imdi_reference, contact_name: h.contact_name, anonymised_at: null });

		// the log keeps that it happened, not what the record held
		const log = JSON.stringify(await auditRows(old.id));
		expect(log).not.toContain(old.contact_name);
		expect(log).not.toContain(old.imdi_reference);
		expect(log).not.toContain('fortruleg');
		expect(JSON.stringify(await auditRows(recent.id))).toContain(recent.contact_name);

		// a second run finds nothing more of these
		await serviceClient().rpc('anonymise_settled_households');
		const { data: again } = await serviceClient().from('households').select('anonymised_at').eq('id', old.id).single();
		expect(again!.anonymised_at).toBe(byId.get(old.id)!.anonymised_at);
	});

	it('anonymises cancelled households too, counted from the day they were cancelled', async () => {
		const url = stackEnv().databaseUrl;
		const { rows } = await sql(
			url,
			`select (current_date - make_interval(months => public.retention_months()) - interval '1 day')::date::text as over,
			   (current_date - make_interval(months => public.retention_months()))::date::text as under,
			   public.oslo_today()::text as today`
		);
		const { over, under, today } = rows[0] as { over: string; under: string; today: string };
		// cancelled the ordinary way: the day is set by the change itself
		const now = await household();
		const { error } = await serviceClient().from('households').update({ status: 'cancelled' }).eq('id', now.id);
		expect(error).toBeNull();
		const { data: dated } = await serviceClient().from('households').select('cancelled_on').eq('id', now.id).single();
		expect(dated!.cancelled_on).toBe(today);
		// a cancelled household always has its day
		const { error: undated } = await serviceClient().from('households').update({ cancelled_on: null }).eq('id', now.id);
		expect(undated?.message).toContain('households_cancelled_has_date');

		const tomorrow = (await sql(url, `select (current_date + 1)::text as d`)).rows[0].d;
		const dueTomorrow = async () =>
			(await serviceClient().rpc('retention_preview', { p_limit: 1000 })).data!.find((r) => r.due_on === tomorrow)?.households ?? 0;
		const before = await dueTomorrow();
		const old = await household({ status: 'cancelled', cancelled_on: over, staff_note: 'avlyst, fortruleg' });
		const recent = await household({ status: 'cancelled', cancelled_on: under });
		// an expected arrival long ago is no basis: only settlement and cancellation are
		const waiting = await household({ expected_arrival: over });
		// staff see the cancelled household among what comes next
		expect(await dueTomorrow()).toBe(before + 1);

		const { error: runError } = await serviceClient().rpc('anonymise_settled_households');
		expect(runError).toBeNull();
		const { data: after } = await serviceClient()
			.from('households')
			.select('id, imdi_reference, contact_name, staff_note, anonymised_at, status, cancelled_on, household_members(first_name, age_band)')
			.in('id', [old.id, recent.id, waiting.id, now.id]);
		const byId = new Map(after!.map((r) => [r.id, r]));
		expect(byId.get(old.id)).toMatchObject({
			imdi_reference: `anonymisert-${old.id}`,
			contact_name: '',
			staff_note: '',
			status: 'cancelled',
			cancelled_on: over,
			household_members: [{ first_name: '', age_band: 'adult' }]
		});
		expect(byId.get(old.id)!.anonymised_at).not.toBeNull();
		for (const h of [recent, waiting, now])
			expect(byId.get(h.id)).toMatchObject({ imdi_reference: h.imdi_reference, contact_name: h.contact_name, anonymised_at: null });
		expect(JSON.stringify(await auditRows(old.id))).not.toContain('avlyst, fortruleg');
	});

	it('empties the landlord’s mail that carried an anonymised household’s contact, and no other household’s', async () => {
		const url = stackEnv().databaseUrl;
		const { rows } = await sql(
			url,
			`select (current_date - make_interval(months => public.retention_months()) - interval '1 day')::date::text as over`
		);
		// two households with the same phone number: only the one anonymised loses its mail's content
		const old = await household({ status: 'settled', settled_on: rows[0].over });
		const waiting = await household();
		const db = serviceClient();
		const mail = (h: { id: string; contact_name: string }) => ({
			recipient: `utleigar-${unique()}@example.no`,
			template: 'match_confirmed',
			status: 'sent' as const,
			payload: {
				name: 'Utleigar',
				address: 'Vegen 1, Lid',
				contact_name: h.contact_name,
				contact_phone: '+47 400 00 000',
				match_id: randomUUID()
			},
			idempotency_key: `retention-test:${unique()}`,
			about_household_id: h.id
		});
		const { data: mails, error } = await db
			.from('notifications')
			.insert([mail(old), mail(waiting)])
			.select('id, payload');
		expect(error).toBeNull();

		await db.rpc('anonymise_settled_households');
		const { data: after } = await db
			.from('notifications')
			.select('id, payload')
			.in(
				'id',
				mails!.map((m) => m.id)
			);
		const byId = new Map(after!.map((r) => [r.id, r.payload]));
		expect(byId.get(mails![0].id)).toEqual({});
		expect(byId.get(mails![1].id)).toEqual(mails![1].payload);
	});

	it('lets an admin set the number of months, within bounds', async () => {
		const admin = await loggedIn('admin@fjordvik.kommune.no');
		expect((await admin.post('/staff/admin/settings?/retention', { retention_months: '0' })).status).toBe(400);
		expect(location(await admin.post('/staff/admin/settings?/retention', { retention_months: '24' }))).toBe('/staff/admin/settings?saved');
		const { data } = await serviceClient().rpc('retention_months');
		expect(data).toBe(24);
		const staffPage = await (await loggedIn('sakshandsamar@fjordvik.kommune.no')).get('/staff/households');
		expect(await staffPage.text()).toContain('Hushald blir anonymiserte 24 månader etter at dei vart busette eller avlyste.');
	});
});
