// Round trips: how many PostgREST requests one load of each page makes, counted at the API
// gateway (scripts/stack/gateway.ts). Every page is listed from the policy table and
// opened by someone allowed to; the session check counts as one. Goal (issue 10): ≤ 3 per
// page — more is an N+1 to fix. Pages that read a household record also write the read
// to the audit log, which is one more by design; they are held to ≤ 4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { policies, type Rule } from '../../src/lib/auth/policy';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { stackEnv } from '../helpers/env';
import { Client } from '../helpers/http';

const LOGINS = {
	landlord: 'utleigar02@example.no',
	volunteer: 'frivillig02@example.no',
	staff: 'sakshandsamar@fjordvik.kommune.no',
	admin: 'admin@fjordvik.kommune.no'
} as const;
type Who = keyof typeof LOGINS | 'anonymous';

// pages whose load writes an audit row for a read of personal data
const LOGGED_READS = ['/(staff)/staff/households/[id=uuid]', '/(staff)/staff/volunteers/[id=uuid]', '/(staff)/staff/dwellings/[id=uuid]'];

let app: RunningApp;
const ROWS: Record<string, string> = {};
const clients = new Map<Who, Client>();

beforeAll(async () => {
	const db = new pg.Client({ connectionString: stackEnv().databaseUrl });
	await db.connect();
	const one = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]?.id;
	try {
		ROWS.dwellings = (await one(
			`select d.id from public.dwellings d join public.users u on u.id = d.landlord_id where u.email = '${LOGINS.landlord}' limit 1`
		))!;
		ROWS.households = (await one(`select id from public.households where status = 'expected' limit 1`))!;
		ROWS.tasks = (await one(`select id from public.tasks where status = 'open' order by starts_at desc limit 1`))!;
		ROWS.volunteers = (await one(`select user_id as id from public.user_roles where role = 'volunteer' limit 1`))!;
		ROWS.proposals =
			(await one(
				`select m.id from public.matches m join public.dwellings d on d.id = m.dwelling_id join public.users u on u.id = d.landlord_id where u.email = '${LOGINS.landlord}' limit 1`
			)) ?? '';
	} finally {
		await db.end();
	}
	app = await startApp(appEnv({ MAIL_WORKER: 'off', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }));
});
afterAll(() => app?.stop());

async function clientFor(who: Who): Promise<Client> {
	let client = clients.get(who);
	if (!client) {
		client = new Client(app.url, `10.5.0.${clients.size + 1}`);
		if (who !== 'anonymous') expect((await client.login(LOGINS[who])).status).toBe(303);
		clients.set(who, client);
	}
	return client;
}

const whoFor = (rule: Rule): Who =>
	rule === 'public' ? 'anonymous' : rule === 'user' ? 'volunteer' : rule.includes('admin') ? 'admin' : (rule[0] as Who);

/** a page's path with its [id] filled from ROWS; null when there is no such row or it needs a token */
function pathOf(route: string): string | null {
	const parts = route.split('/').filter((p) => p && !/^\(.+\)$/.test(p));
	const out: string[] = [];
	for (const [i, p] of parts.entries()) {
		if (p === '[token]' || p.startsWith('[answer')) return null; // a link from a mail: nothing to count without one
		if (/^\[.+\]$/.test(p)) {
			if (!ROWS[parts[i - 1]]) return null;
			out.push(ROWS[parts[i - 1]]);
		} else out.push(p);
	}
	return '/' + out.join('/');
}

async function requests(): Promise<number> {
	return ((await (await fetch(`${stackEnv().supabaseUrl}/_busett/requests`)).json()) as { requests: number }).requests;
}

describe('PostgREST requests per page load', () => {
	it('stays within 3 for every page (4 where the load logs a read of personal data)', async () => {
		// /dev/mail shows the local SMTP sink, only in development: not a page of the service;
		// a page nobody may open (the hook's refusal page) has no load to count
		const pages = Object.entries(policies).filter(
			([route, p]) => p.load && route !== '/dev/mail' && (typeof p.load === 'string' || p.load.length > 0)
		);
		const counted: string[] = [];
		const over: string[] = [];
		for (const [route, policy] of pages) {
			const path = pathOf(route);
			if (!path) continue;
			const client = await clientFor(whoFor(policy.load!));
			await client.get(path); // warm: first-use caches, session renewal
			const before = await requests();
			const res = await client.get(path);
			const trips = (await requests()) - before;
			expect(res.status, `${path}`).toBe(200);
			const limit = LOGGED_READS.includes(route) ? 4 : 3;
			counted.push(`${path}: ${trips}`);
			if (trips > limit) over.push(`${route}: ${trips} (limit ${limit})`);
		}
		console.log(`PostgREST requests per page load:\n  ${counted.join('\n  ')}`);
		expect(counted.length).toBeGreaterThan(25);
		expect(over).toEqual([]);
	});
});
