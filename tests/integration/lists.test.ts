// Lists filtered, sorted and paged in SQL (issue 18, items 3, 4 and 9): every row exactly
// once across pages even where the sort key ties, the volunteer list right at 1,500
// volunteers, the volunteer's task list, and the search that only staff may use.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../src/lib/server/db/audit';
import * as households from '../../src/lib/server/db/households';
import * as notifications from '../../src/lib/server/db/notifications';
import * as tasks from '../../src/lib/server/db/tasks';
import * as volunteerList from '../../src/lib/server/db/volunteer-list';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { Client } from '../helpers/http';

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({ connectionString: stackEnv().databaseUrl });
	await client.connect();
	try {
		return (await client.query<T>(text, values)).rows;
	} finally {
		await client.end();
	}
}

/** a new member of staff, by id */
async function staffMember(): Promise<string> {
	const [{ id }] = await sql<{ id: string }>(
		`with u as (insert into public.users (email, display_name) values ($1, 'Test Sakshandsamar') returning id)
		 insert into public.user_roles (user_id, role) select id, 'staff' from u returning user_id as id`,
		[`staff-${randomUUID().slice(0, 8)}@example.no`]
	);
	return id;
}

describe('paging in SQL', () => {
	it('returns every household exactly once across pages when the sort key ties, in both directions', async () => {
		const caseworker = await staffMember();
		const run = randomUUID().slice(0, 8);
		// 57 households arriving on the same day: the id decides their order
		await sql(
			`insert into public.households (imdi_reference, category, expected_arrival, caseworker_id)
			 select 'PAGE-' || $1 || '-' || i, 'other', '2041-03-01', $2 from generate_series(1, 57) i`,
			[run, caseworker]
		);
		for (const dir of ['asc', 'desc'] as const) {
			const seen: string[] = [];
			for (let page = 1; page <= 3; page++) {
				const result = await households.list({ page, size: 25, sort: 'expected_arrival', dir, caseworker });
				expect(result.total).toBe(57);
				expect(result.rows.length).toBe(page < 3 ? 25 : 7);
				seen.push(...result.rows.map((r) => r.id));
				expect(result.rows.every((r) => r.caseworker?.id === caseworker)).toBe(true);
			}
			expect(new Set(seen).size).toBe(57);
		}
		// nobody's households and another caseworker's are not in "theirs"
		const other = await households.list({ page: 1, size: 25, sort: 'imdi_reference', dir: 'asc', caseworker: await staffMember() });
		expect(other.total).toBe(0);
	});
});

describe('the deep pages (audit log and outbox: the page’s ids from an index)', () => {
	it('returns every audit row of one actor exactly once across pages, in both directions, and a page past the last empty with the total', async () => {
		const actor = await staffMember();
		await sql(
			`insert into public.audit_log (actor_id, action, entity, entity_id)
			 select $1, 'read', case when i % 2 = 0 then 'household' else 'dwelling' end, gen_random_uuid()::text from generate_series(1, 57) i`,
			[actor]
		);
		for (const dir of ['asc', 'desc'] as const) {
			const seen: number[] = [];
			for (let page = 1; page <= 3; page++) {
				const result = await audit.list({ page, size: 25, sort: 'at', dir, actor });
				expect(result.total).toBe(57);
				expect(result.rows.length).toBe(page < 3 ? 25 : 7);
				expect(result.rows.every((r) => r.actorId === actor && r.actorName === 'Test Sakshandsamar')).toBe(true);
				seen.push(...result.rows.map((r) => r.id));
			}
			expect(new Set(seen).size).toBe(57);
			// newest first, or oldest
			expect(seen).toEqual([...seen].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
		}
		// two filters at once: the actor's household rows only
		const both = await audit.list({ page: 1, size: 50, sort: 'at', dir: 'desc', actor, entity: 'household' });
		expect([both.total, both.rows.every((r) => r.entity === 'household')]).toEqual([28, true]);
		expect(await audit.list({ page: 9, size: 25, sort: 'at', dir: 'desc', actor })).toEqual({ total: 57, rows: [] });
	});

	it('returns every mail of one template exactly once across pages when their times tie, in both directions', async () => {
		const template = `paging_${randomUUID().slice(0, 8)}`;
		await sql(
			`insert into public.notifications (recipient, template, status, idempotency_key, created_at, sent_at)
			 select 'paging@example.no', $1, 'sent', $1 || ':' || i, '2026-11-01T10:00:00Z', now() from generate_series(1, 57) i`,
			[template]
		);
		for (const dir of ['asc', 'desc'] as const) {
			const seen: string[] = [];
			for (let page = 1; page <= 3; page++) {
				const result = await notifications.list({ page, size: 25, sort: 'created_at', dir, status: 'sent', template });
				expect(result.total).toBe(57);
				expect(result.rows.length).toBe(page < 3 ? 25 : 7);
				seen.push(...result.rows.map((r) => r.id));
			}
			expect(new Set(seen).size).toBe(57);
			expect(seen).toEqual([...seen].sort((a, b) => (dir === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
		}
		expect((await notifications.list({ page: 1, size: 25, sort: 'created_at', dir: 'desc', status: 'failed', template })).total).toBe(0);
	});
});

describe('the volunteer list', () => {
	const run = randomUUID().slice(0, 8);
	const place = `Testbygd ${run}`;
	// 1,500 volunteers of one name (ties everywhere) in a place no one else helps in:
	// every 4th drives, every 5th speaks Tigrinya, every 7th has asked for a certificate
	beforeAll(async () => {
		await sql(
			`with u as (
			   insert into public.users (email, display_name)
			   select 'v1500-' || $1 || '-' || i || '@example.no', 'Test Frivillig' from generate_series(1, 1500) i
			   returning id, (regexp_match(email, '-(\\d+)@'))[1]::integer as i
			 ), r as (insert into public.user_roles (user_id, role) select id, 'volunteer' from u),
			 p as (
			   insert into public.volunteer_profiles (user_id, skills, localities, police_certificate_status)
			   select id, case when i % 4 = 0 then '{driving_licence}'::text[] else '{cooking}' end, array[$2],
			     case when i % 7 = 0 then 'requested' else 'none' end::public.police_certificate_status
			   from u
			 )
			 insert into public.volunteer_languages (user_id, language, level)
			 select id, case when i % 5 = 0 then 'ti' else 'nn' end, 'fluent' from u`,
			[run, place]
		);
	});

	const count = async (filters: Partial<volunteerList.VolunteerFilters>) =>
		(await volunteerList.list({ page: 1, size: 25, sort: 'name', dir: 'asc', locality: place, ...filters })).total;

	it('counts 1,500 volunteers right by place, skill, language and certificate, and their combinations', async () => {
		expect(await count({})).toBe(1500);
		expect(await count({ skill: 'driving_licence' })).toBe(375);
		expect(await count({ language: 'ti' })).toBe(300);
		expect(await count({ certificate: 'requested' })).toBe(214);
		expect(await count({ skill: 'driving_licence', language: 'ti' })).toBe(75);
		expect(await count({ skill: 'driving_licence', language: 'ti', certificate: 'requested' })).toBe(10);
	});

	it('pages through all 1,500 of one name, each exactly once', async () => {
		const seen = new Set<string>();
		for (let page = 1; page <= 15; page++) {
			const result = await volunteerList.list({ page, size: 100, sort: 'name', dir: 'asc', locality: place });
			expect(result.rows.length).toBe(100);
			for (const v of result.rows) seen.add(v.id);
		}
		expect(seen.size).toBe(1500);
		const past = await volunteerList.list({ page: 16, size: 100, sort: 'name', dir: 'asc', locality: place });
		expect(past.rows).toEqual([]);
	});
});

describe("the volunteer's task list", () => {
	it('lists the open tasks soonest first, by place and by whether they fit, with the places left', async () => {
		const run = randomUUID().slice(0, 8);
		const place = `Oppdragsbygd ${run}`;
		const [{ id: volunteer }] = await sql<{ id: string }>(
			`with u as (insert into public.users (email, display_name) values ($1, 'Test') returning id),
			 r as (insert into public.user_roles (user_id, role) select id, 'volunteer' from u)
			 insert into public.volunteer_profiles (user_id, localities) select id, array[$2] from u returning user_id as id`,
			[`vt-${run}@example.no`, place]
		);
		const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
		const { error } = await serviceClient()
			.from('tasks')
			.insert([
				{ type: 'guide', title: `B ${run}`, starts_at: day(9), ends_at: day(9.1), locality: place, volunteers_needed: 2 },
				{ type: 'transport', title: `A ${run}`, starts_at: day(3), ends_at: day(3.1), locality: place, volunteers_needed: 1 },
				{ type: 'guide', title: `C ${run}`, starts_at: day(5), ends_at: day(5.1), locality: `Anna ${run}`, volunteers_needed: 1 }
			]);
		if (error) throw error;
		const base = { page: 1, size: 25 as const, sort: 'starts_at' as const, dir: 'asc' as const, fits: false };
		const here = await tasks.open(volunteer, { ...base, locality: place });
		expect(here.rows.map((t) => t.title)).toEqual([`A ${run}`, `B ${run}`]);
		expect(here.rows.map((t) => t.places_left)).toEqual([1, 2]);
		expect(here.rows.every((t) => t.fits)).toBe(true);
		expect(here.localities).toContain(`Anna ${run}`);
		const guides = await tasks.open(volunteer, { ...base, locality: place, type: 'guide' });
		expect(guides.rows.map((t) => t.title)).toEqual([`B ${run}`]);
		// "fits me": their place, not the other one
		const fitting = (await tasks.open(volunteer, { ...base, fits: true, size: 100 })).rows.map((t) => t.title);
		expect(fitting).toContain(`A ${run}`);
		expect(fitting).not.toContain(`C ${run}`);
	});
});

describe('the search', () => {
	let app: RunningApp;
	const run = randomUUID().slice(0, 8);
	const contact = `Zorbakova ${run}`;
	let householdId = '';
	beforeAll(async () => {
		app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
		const { data, error } = await serviceClient()
			.from('households')
			.insert({ imdi_reference: `SØK-${run}`, category: 'other', contact_name: contact, contact_phone: '+47 913 00 000' })
			.select('id')
			.single();
		if (error) throw error;
		householdId = data.id;
	});
	afterAll(() => app?.stop());

	const as = async (email: string | null) => {
		const client = new Client(app.url, `10.18.0.${Math.floor(Math.random() * 200) + 1}`);
		if (email) await client.login(email);
		return client;
	};

	it('finds a household for staff by a part of its contact name, and logs the read', async () => {
		const staff = await as('sakshandsamar@fjordvik.kommune.no');
		const before = await sql<{ n: string }>(`select count(*) as n from public.audit_log where entity_id = $1 and action = 'read'`, [
			householdId
		]);
		const res = await staff.get(`/staff/search?q=${encodeURIComponent(`bakova ${run}`)}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`SØK-${run}`);
		expect(html).toContain(`/staff/households/${householdId}`);
		const after = await sql<{ n: string }>(`select count(*) as n from public.audit_log where entity_id = $1 and action = 'read'`, [
			householdId
		]);
		expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
	});

	it('suggests to staff only the text to search for and a label', async () => {
		const staff = await as('sakshandsamar@fjordvik.kommune.no');
		const res = await staff.get(`/staff/search/suggestions.json?q=${encodeURIComponent(contact)}`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { suggestions: Record<string, string>[] };
		expect(body.suggestions).toContainEqual({ value: `SØK-${run}`, label: `SØK-${run} – ${contact}` });
		for (const s of body.suggestions) expect(Object.keys(s).sort()).toEqual(['label', 'value']);
	});

	it('refuses landlords, volunteers and anyone logged out, on the page and in the suggestions, and shows them nothing', async () => {
		for (const who of ['utleigar02@example.no', 'frivillig02@example.no', null]) {
			const client = await as(who);
			for (const path of [
				`/staff/search?q=${encodeURIComponent(contact)}`,
				`/staff/search/suggestions.json?q=${encodeURIComponent(contact)}`
			]) {
				const res = await client.get(path);
				expect(res.status, `${who} ${path}`).not.toBe(200);
				expect(await res.text()).not.toContain(contact);
			}
		}
	});
});

describe('a page past the last', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp(appEnv());
	});
	afterAll(() => app?.stop());

	it('shows staff and admin no rows, the total and the way back, for every list, never an error', async () => {
		const staff = new Client(app.url, `10.18.1.${Math.floor(Math.random() * 200) + 1}`);
		await staff.login('admin@fjordvik.kommune.no');
		// the demo has rows in each (the outbox's default view, failed mails, may be empty)
		for (const path of ['/staff/admin/audit', '/staff/tasks', '/staff/households', '/staff/dwellings', '/staff/volunteers']) {
			const res = await staff.get(`${path}?page=9999`);
			expect(res.status, path).toBe(200);
			const html = await res.text();
			expect(html, path).toMatch(/rel="prev"/);
			// the list's own table is the last before its pager (a page may have other tables)
			const bodies = [...html.slice(0, html.indexOf('class="pager')).matchAll(/<tbody>(.*?)<\/tbody>/gs)];
			expect(bodies.length, path).toBeGreaterThan(0);
			expect(bodies.at(-1)![1], path).not.toMatch(/<tr/);
			expect(html, path).toMatch(/Side 9[\s\u00a0\u202f]?999 finst ikkje\. Siste side er \d/);
		}
	});
});
