// npm run bench:scale — the staff pages at the demo data ×1 and ×100. On a throwaway stack
// (the bench project's global setup) with the production build: every staff page in PAGES
// loaded 50 times, one after another, by one client logged in as staff; then the demo data is
// copied 99 times in SQL (generate_series; ≈ 3,000 households with members, 4,000 dwellings,
// 2,500 volunteers, 2,000 tasks, plus 200,000 audit rows and 50,000 mails) and the same pages
// are loaded again. Prints p50 and p95 per page, the PostgREST requests one load makes, the
// rows and bytes those requests read (rows from PostgREST's Content-Range, counted at the
// gateway), at both sizes, and the growth of p50 from ×1 to ×100 (goal ≤ 2×; p95 ≤ 250 ms for
// lists and search at ×100). A page that answers 404 (not built yet on this branch) is
// skipped and said so, as is one that answers anything else but 200 (with its status).
import { cpus } from 'node:os';
import { execSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../tests/helpers/app';
import { stackEnv } from '../tests/helpers/env';
import { Client } from '../tests/helpers/http';

const LOADS = Number(process.env.BENCH_LOADS ?? 50);
const FACTOR = Number(process.env.BENCH_FACTOR ?? 100);
const STAFF = 'sakshandsamar@fjordvik.kommune.no';

// The pages, in one table to adapt when the lists' parameters change (issue 18 turns every
// list into SQL paging with ?page=&sort=&…). `{household}` is a household's id; `{middle}` the
// middle page of that filter at the size measured (the pager's data-pages, read from page 1),
// so ×1 and ×100 both load a page of rows, not an empty page past the end at ×1.
// `kept`: loaded from a second instance with KEEP_READS=on, as production runs: the year's
// figures are kept 30 s per instance (src/lib/server/kept.ts), so one load in 30 s pays them.
const PAGES: { name: string; path: string; list?: boolean; kept?: boolean }[] = [
	{ name: 'needs action', path: '/staff' },
	{ name: 'overview (year figures), nothing kept', path: '/staff/overview' },
	{ name: 'overview (year figures), kept 30 s as in production', path: '/staff/overview', kept: true },
	{ name: 'households, first page', path: '/staff/households', list: true },
	{ name: 'households, middle page, filtered', path: '/staff/households?status=expected&sort=imdi_reference&page={middle}', list: true },
	{ name: 'dwellings, first page', path: '/staff/dwellings', list: true },
	{ name: 'dwellings, middle page, filtered', path: '/staff/dwellings?status=approved&sort=rent_nok&page={middle}', list: true },
	{ name: 'volunteers, first page', path: '/staff/volunteers', list: true },
	{ name: 'volunteers, middle page, filtered', path: '/staff/volunteers?certificate=approved&page={middle}', list: true },
	{ name: 'tasks, first page', path: '/staff/tasks', list: true },
	{ name: 'tasks, middle page, filtered', path: '/staff/tasks?status=open&page={middle}', list: true },
	{ name: 'audit log, first page', path: '/staff/admin/audit', list: true },
	{ name: 'audit log, middle page, filtered', path: '/staff/admin/audit?entity=household&page={middle}', list: true },
	{ name: 'outbox, first page', path: '/staff/outbox', list: true },
	{ name: 'outbox, middle page, filtered', path: '/staff/outbox?status=sent&page={middle}', list: true },
	{ name: 'search', path: '/staff/search?q=nord', list: true },
	{ name: 'a household', path: '/staff/households/{household}' },
	{ name: 'matching', path: '/staff/matching' }
];

type Measured = { status: number; path: string; p50: number; p95: number; requests: number; rows: number; bytes: number; sqlMs: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

type Counted = { requests: number; rows: number; bytes: number; ms: number };
async function gateway(): Promise<Counted> {
	return (await (await fetch(`${stackEnv().supabaseUrl}/_busett/requests`)).json()) as Counted;
}

let app: RunningApp;
let keptApp: RunningApp;
let db: pg.Client;
let admin: Client;
let keptAdmin: Client;
let household = '';

beforeAll(async () => {
	db = new pg.Client({ connectionString: stackEnv().databaseUrl });
	await db.connect();
	// nothing kept (KEEP_READS=off): every load runs its queries, which is what is measured here
	app = await startApp(appEnv({ MAIL_WORKER: 'off', KEEP_READS: 'off' }));
	// staff and admin pages alike: the admin is staff too (the audit log is an admin page)
	admin = new Client(app.url);
	expect((await admin.login('admin@fjordvik.kommune.no')).status).toBe(303);
	keptApp = await startApp(appEnv({ MAIL_WORKER: 'off', KEEP_READS: 'on' }));
	keptAdmin = new Client(keptApp.url);
	expect((await keptAdmin.login('admin@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(async () => {
	await app?.stop();
	await keptApp?.stop();
	await db?.end();
});

async function measure(client: Client, path: string): Promise<Measured> {
	let url = path.replace('{household}', household);
	if (url.includes('{middle}')) {
		const html = await (await client.get(url.replace('{middle}', '1'))).text();
		const pages = Number(/data-pages="(\d+)"/.exec(html)?.[1] ?? 1);
		url = url.replace('{middle}', String(Math.max(1, Math.ceil(pages / 2))));
	}
	const first = await client.get(url);
	await first.arrayBuffer();
	// not built yet on this commit (404), or an answer that is wrong (printed, not timed)
	if (first.status !== 200)
		return { status: first.status, path: url, p50: NaN, p95: NaN, requests: NaN, rows: NaN, bytes: NaN, sqlMs: NaN };
	// one warm load alone, counted at the gateway
	const before = await gateway();
	await (await client.get(url)).arrayBuffer();
	const after = await gateway();
	const times: number[] = [];
	// the time the loads waited for PostgREST (the gateway's clock: request to last byte)
	for (let i = 0; i < LOADS; i++) {
		const started = performance.now();
		const res = await client.get(url);
		await res.arrayBuffer();
		times.push(performance.now() - started);
		expect(res.status, url).toBe(200);
	}
	const end = await gateway();
	times.sort((a, b) => a - b);
	return {
		status: 200,
		path: url,
		sqlMs: (end.ms - after.ms) / LOADS,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		requests: after.requests - before.requests,
		rows: after.rows - before.rows,
		bytes: after.bytes - before.bytes
	};
}

async function measureAll(): Promise<Measured[]> {
	household = (await db.query<{ id: string }>(`select id from public.households where status = 'expected' order by imdi_reference limit 1`))
		.rows[0].id;
	const out: Measured[] = [];
	for (const page of PAGES) out.push(await measure(page.kept ? keptAdmin : admin, page.path));
	return out;
}

// the tables copied, parents first; users are copied except staff and admins, whose ids stay
const COPIED = [
	'users',
	'user_roles',
	'volunteer_profiles',
	'volunteer_languages',
	'dwellings',
	'households',
	'household_members',
	'matches',
	'tasks',
	'signups',
	'task_invitations'
];

/** the demo data ×factor: each copied table's rows again factor − 1 times, with ids mapped */
// BENCH_EXPLAIN=on: the plans of the slow pages' SQL at ×100, the statements inside each
// function too (auto_explain, its log sent to this client), for finding what needs an index
async function explained(year: number): Promise<string[]> {
	const plans: string[] = [];
	const take = (msg: { message?: string }) => {
		if (msg.message?.includes('duration:')) plans.push(msg.message);
	};
	db.on('notice', take);
	await db.query(`load 'auto_explain'`);
	await db.query(`set auto_explain.log_min_duration = 5`);
	await db.query(`set auto_explain.log_analyze = on`);
	await db.query(`set auto_explain.log_nested_statements = on`);
	await db.query(`set client_min_messages = log`);
	await db.query(`select public.dashboard($1)`, [year]);
	await db.query(`select public.matching_data(false)`);
	await db.query(`select public.household_timeline($1)`, [household]);
	await db.query(`set client_min_messages = notice`);
	db.off('notice', take);
	return ['  plans of the statements over 5 ms (BENCH_EXPLAIN=on):', ...plans.map((p) => p.replace(/^/gm, '    '))];
}

async function scaleUp(factor: number) {
	const started = performance.now();
	await db.query('begin');
	// no triggers (no audit rows, no mails, no lifecycle checks: the copies are of valid rows)
	// and no foreign-key checks: every reference is mapped to a copy that exists
	await db.query(`set local session_replication_role = replica`);
	await db.query(`create temp table scale_users on commit drop as
		select u.id from public.users u where not exists (
			select from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'))`);
	const columns = await db.query<{ tbl: string; col: string; type: string; fk: string | null; is_unique: boolean; pk: boolean }>(
		`select c.relname as tbl, a.attname as col, format_type(a.atttypid, a.atttypmod) as type,
			(select f.relname from pg_constraint k join pg_class f on f.oid = k.confrelid
			 where k.conrelid = c.oid and k.contype = 'f' and k.conkey = array[a.attnum]) as fk,
			exists (select from pg_index i where i.indrelid = c.oid and i.indisunique and a.attnum = any(i.indkey)) as is_unique,
			exists (select from pg_index i where i.indrelid = c.oid and i.indisprimary and a.attnum = any(i.indkey)) as pk
		 from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
		 join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		 where c.relname = any($1) and a.attgenerated = '' and a.attidentity = ''
		 order by c.relname, a.attnum`,
		[COPIED]
	);
	const copies = factor - 1;
	for (const tbl of COPIED) {
		const cols = columns.rows.filter((c) => c.tbl === tbl);
		const map = (col: string) => `md5(${col}::text || ':' || g)::uuid`;
		const exprs = cols.map((c) => {
			const q = `t.${c.col}`;
			if (c.type === 'uuid' && c.fk === 'users') return `case when ${q} in (select id from scale_users) then ${map(q)} else ${q} end`;
			if (c.type === 'uuid' && c.fk && COPIED.includes(c.fk)) return `case when ${q} is null then null else ${map(q)} end`;
			if (c.type === 'uuid' && (c.pk || c.is_unique) && !c.fk) return `case when ${q} is null then null else ${map(q)} end`;
			if (tbl === 'users' && c.col === 'email') return `'x' || g || '.' || ${q}`;
			if (c.is_unique && c.type === 'text') return `${q} || '-' || g`;
			return q;
		});
		// users: only the copied ones; a row keyed by a user (their roles, profile, languages):
		// only those of copied users, so a staff member's row is never copied onto no one
		const keyedBy = tbl === 'users' ? ['id'] : cols.filter((c) => c.fk === 'users' && c.pk).map((c) => c.col);
		const where = keyedBy.length ? `where ${keyedBy.map((c) => `t.${c} in (select id from scale_users)`).join(' and ')}` : '';
		await db.query(`insert into public.${tbl} (${cols.map((c) => c.col).join(', ')})
			select ${exprs.join(', ')} from public.${tbl} t cross join generate_series(1, ${copies}) g ${where}`);
	}
	const staffId = (await db.query<{ id: string }>(`select id from public.users where email = $1`, [STAFF])).rows[0].id;
	// the audit log: 200,000 rows over the last two years, about the households and dwellings
	await db.query(
		`insert into public.audit_log (at, actor_id, action, entity, entity_id, before, after)
		 select now() - (g || ' minutes')::interval, $1,
			(array['read', 'update', 'create'])[1 + g % 3],
			case when g % 2 = 0 then 'household' else 'dwelling' end,
			case when g % 2 = 0 then h.ids[1 + g % array_length(h.ids, 1)] else d.ids[1 + g % array_length(d.ids, 1)] end,
			case when g % 3 = 1 then jsonb_build_object('status', 'expected') end,
			case when g % 3 <> 0 then jsonb_build_object('status', 'matched') end
		 from generate_series(1, ${2000 * factor}) g,
			(select array_agg(id::text) as ids from public.households) h,
			(select array_agg(id::text) as ids from public.dwellings) d`,
		[staffId]
	);
	// the outbox: 50,000 mails, most sent, some failed, a few queued
	await db.query(
		`insert into public.notifications (recipient, template, locale, payload, status, attempts, idempotency_key, created_at, sent_at, last_error)
		 select 'mottakar' || g || '@example.no', 'password_reset', 'nn', '{}'::jsonb,
			(case when g % 50 = 0 then 'failed' when g % 97 = 0 then 'queued' else 'sent' end)::public.notification_status,
			case when g % 50 = 0 then 5 else 1 end, 'scale:' || g, now() - (g || ' minutes')::interval,
			case when g % 50 = 0 or g % 97 = 0 then null else now() - (g || ' minutes')::interval end,
			case when g % 50 = 0 then 'smtp: connection refused' end
		 from generate_series(1, ${500 * factor}) g`
	);
	await db.query('commit');
	// what autovacuum does after such a load in production: the statistics, and the visibility
	// map that lets a deep page's ids come from an index alone
	await db.query('vacuum analyze');
	return performance.now() - started;
}

async function counts() {
	const { rows } = await db.query<Record<string, string>>(
		`select (select count(*) from public.households) as households, (select count(*) from public.household_members) as members,
			(select count(*) from public.dwellings) as dwellings,
			(select count(*) from public.user_roles where role = 'volunteer') as volunteers, (select count(*) from public.tasks) as tasks,
			(select count(*) from public.audit_log) as audit, (select count(*) from public.notifications) as mails`
	);
	return Object.entries(rows[0])
		.map(([k, v]) => `${k} ${Number(v).toLocaleString('en')}`)
		.join(', ');
}

describe('scale benchmark', () => {
	it('loads every staff page at the demo data ×1 and ×100 and prints the times, requests and rows', async () => {
		const commit = execSync('git rev-parse --short HEAD').toString().trim();
		const lines = [
			`Scale benchmark (${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${LOADS} loads per page, one client)`
		];
		lines.push(`  ×1: ${await counts()}`);
		const small = await measureAll();
		const ms = await scaleUp(FACTOR);
		// a fresh instance keeps nothing from ×1: its first load reads the ×100 figures
		await keptApp.stop();
		keptApp = await startApp(appEnv({ MAIL_WORKER: 'off', KEEP_READS: 'on' }));
		keptAdmin = new Client(keptApp.url);
		expect((await keptAdmin.login('admin@fjordvik.kommune.no')).status).toBe(303);
		lines.push(`  ×${FACTOR}: ${await counts()} (made in ${(ms / 1000).toFixed(1)} s)`);
		const large = await measureAll();
		const f = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(1));
		lines.push(
			`  page | ×1 p50 | ×1 p95 | ×${FACTOR} p50 | ×${FACTOR} p95 | growth (p50) | PostgREST ms a load ×1/×${FACTOR} | requests ×1/×${FACTOR} | rows ×1/×${FACTOR} | KB ×1/×${FACTOR}`
		);
		for (const [i, page] of PAGES.entries()) {
			const [a, b] = [small[i], large[i]];
			if (a.status !== 200 || b.status !== 200) {
				const why =
					a.status === 404 || b.status === 404 ? '404: not on this commit' : `answered ${a.status} at ×1, ${b.status} at ×${FACTOR}`;
				lines.push(`  ${page.name} (${b.path}) | skipped: ${why}`);
				continue;
			}
			const growth = b.p50 / a.p50;
			const goals = [
				growth <= 2 ? 'growth met' : page.name === 'matching' ? 'growth: matching is excepted' : 'growth NOT met',
				page.list ? (b.p95 <= 250 ? 'p95 met' : 'p95 NOT met') : ''
			].filter(Boolean);
			lines.push(
				`  ${page.name} (${a.path} · ${b.path}) | ${f(a.p50)} ms | ${f(a.p95)} ms | ${f(b.p50)} ms | ${f(b.p95)} ms | ${growth.toFixed(2)}× | ${f(a.sqlMs)}/${f(b.sqlMs)} | ${a.requests}/${b.requests} | ${a.rows}/${b.rows} | ${(a.bytes / 1024).toFixed(1)}/${(b.bytes / 1024).toFixed(1)} (${goals.join(', ')})`
			);
		}
		// the overview's one SQL call and its grant forecast, timed in Postgres alone (median of 5)
		const year = new Date().getUTCFullYear();
		for (const fn of ['dashboard', 'grant_forecast']) {
			const times: number[] = [];
			for (let i = 0; i < 5; i++) {
				const started = performance.now();
				await db.query(`select public.${fn}($1)`, [year]);
				times.push(performance.now() - started);
			}
			lines.push(`  SQL public.${fn}(${year}) at ×${FACTOR}: ${times.sort((a, b) => a - b)[2].toFixed(1)} ms`);
		}
		if (process.env.BENCH_EXPLAIN === 'on') lines.push(...(await explained(year)));
		console.log(lines.join('\n'));
		// 17 pages × 50 loads at two sizes, the matching page seconds a load at ×100
	}, 1_800_000);
});
