// The authorisation matrix: every route and every form action of the app, for each kind
// of person, with what they may do. It is written here by hand, apart from
// src/lib/server/auth/policy.ts, so a wrong rule there fails here; and a route or action
// that is in the route tree but not in this table fails the first test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/stack/migrate.ts';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { Client, location } from '../helpers/http';
import { seedId } from '../helpers/seed';
import { policies } from '../../src/lib/server/auth/policy';

type Who = 'anonymous' | 'landlord' | 'volunteer' | 'staff' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'landlord', 'volunteer', 'staff', 'admin'];
const LOGGED_IN: Who[] = ['landlord', 'volunteer', 'staff', 'admin'];

const LOGINS: Record<Exclude<Who, 'anonymous'>, string> = {
	landlord: 'utleigar02@example.no',
	volunteer: 'frivillig02@example.no',
	staff: 'sakshandsamar@fjordvik.kommune.no',
	admin: 'admin@fjordvik.kommune.no'
};

type Entry = {
	route: string;
	path: string;
	/** who may open the page (GET) */
	load?: Who[];
	/** who may use each form action */
	actions?: Record<string, Who[]>;
	/** who may call each method of an endpoint */
	endpoints?: Partial<Record<'GET' | 'POST', Who[]>>;
};

const TOKEN = 'abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz';

// rows of the seed (ids are md5 of a readable key): a draft of utleigar02, and a match id
// that does not exist (a landlord allowed on the page gets a 404, not a refusal)
const SEED = {
	dwelling2: '2d52b51b-a0dd-bdcd-43ec-c991a94d4d5d',
	noMatch: '00000000-0000-4000-8000-000000000000',
	household5: seedId('household:5'),
	task20: seedId('task:20'),
	volunteer2: seedId('user:volunteer:2')
};

const MATRIX: Entry[] = [
	{ route: '/', path: '/', load: EVERYONE },
	{ route: '/healthz', path: '/healthz', endpoints: { GET: EVERYONE } },
	{ route: '/language', path: '/language', endpoints: { POST: EVERYONE } },
	{ route: '/dev/mail', path: '/dev/mail', load: EVERYONE },
	{ route: '/about', path: '/about', load: EVERYONE },
	{ route: '/unsubscribe/[token]', path: `/unsubscribe/${TOKEN}`, load: EVERYONE, actions: { default: EVERYONE } },
	{ route: '/register', path: '/register', load: EVERYONE, actions: { default: EVERYONE } },
	{ route: '/login', path: '/login', load: EVERYONE, actions: { default: EVERYONE } },
	{ route: '/logout', path: '/logout', endpoints: { POST: EVERYONE } },
	{ route: '/verify/[token]', path: `/verify/${TOKEN}`, load: EVERYONE, actions: { default: EVERYONE } },
	{ route: '/reset', path: '/reset', load: EVERYONE, actions: { default: EVERYONE } },
	{ route: '/reset/[token]', path: `/reset/${TOKEN}`, load: EVERYONE, actions: { default: EVERYONE } },
	{ route: '/invite/[token]', path: `/invite/${TOKEN}`, load: EVERYONE, actions: { default: EVERYONE } },
	{
		route: '/account',
		path: '/account',
		load: LOGGED_IN,
		actions: {
			password: LOGGED_IN,
			email: LOGGED_IN,
			locale: LOGGED_IN,
			resend: LOGGED_IN,
			logoutEverywhere: LOGGED_IN,
			delete: ['landlord', 'volunteer']
		}
	},
	{ route: '/account/data.json', path: '/account/data.json', endpoints: { GET: ['landlord', 'volunteer'] } },
	{ route: '/availability/[token]/[answer=yes_no]', path: `/availability/${TOKEN}/yes`, load: EVERYONE, actions: { default: EVERYONE } },
	{
		route: '/task-invitation/[token]/[answer=accept_decline]',
		path: `/task-invitation/${TOKEN}/accept`,
		load: EVERYONE,
		actions: { default: EVERYONE }
	},
	{ route: '/(landlord)/landlord', path: '/landlord', load: ['landlord'] },
	{
		route: '/(landlord)/landlord/dwellings/new',
		path: '/landlord/dwellings/new',
		load: ['landlord'],
		actions: { save: ['landlord'], submit: ['landlord'] }
	},
	{
		// a dwelling of this landlord (the seed's dwelling 2 belongs to utleigar02)
		route: '/(landlord)/landlord/dwellings/[id=uuid]',
		path: `/landlord/dwellings/${SEED.dwelling2}`,
		load: ['landlord'],
		actions: { save: ['landlord'], submit: ['landlord'], withdraw: ['landlord'], reoffer: ['landlord'] }
	},
	{
		route: '/(landlord)/landlord/proposals/[id=uuid]',
		path: `/landlord/proposals/${SEED.noMatch}`,
		load: ['landlord'],
		actions: { accept: ['landlord'], decline: ['landlord'] }
	},
	{
		route: '/(volunteer)/volunteer',
		path: '/volunteer',
		load: ['volunteer'],
		actions: { calendar: ['volunteer'], calendarStop: ['volunteer'] }
	},
	// no login: an unknown address is a 404 for everyone
	{ route: '/calendar/[token].ics', path: `/calendar/${TOKEN}.ics`, endpoints: { GET: EVERYONE } },
	{ route: '/(volunteer)/volunteer/profile', path: '/volunteer/profile', load: ['volunteer'], actions: { default: ['volunteer'] } },
	{
		route: '/(volunteer)/volunteer/tasks/[id=uuid]',
		path: `/volunteer/tasks/${SEED.task20}`,
		load: ['volunteer'],
		actions: { signup: ['volunteer'], withdraw: ['volunteer'], hours: ['volunteer'] }
	},
	{
		route: '/(volunteer)/volunteer/tasks/[id=uuid]/calendar.ics',
		path: `/volunteer/tasks/${SEED.task20}/calendar.ics`,
		endpoints: { GET: ['volunteer'] }
	},
	{ route: '/(staff)/staff', path: '/staff', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/reports', path: '/staff/reports?year=2026', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/reports/settled.csv', path: '/staff/reports/settled.csv?year=2026', endpoints: { GET: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/reports/households.csv', path: '/staff/reports/households.csv', endpoints: { GET: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/reports/dwellings.csv', path: '/staff/reports/dwellings.csv', endpoints: { GET: ['staff', 'admin'] } },
	{
		route: '/(staff)/staff/reports/volunteer-hours.csv',
		path: '/staff/reports/volunteer-hours.csv?year=2026',
		endpoints: { GET: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/dwellings', path: '/staff/dwellings', load: ['staff', 'admin'] },
	{
		route: '/(staff)/staff/dwellings/new',
		path: '/staff/dwellings/new',
		load: ['staff', 'admin'],
		actions: { save: ['staff', 'admin'], submit: ['staff', 'admin'] }
	},
	{
		route: '/(staff)/staff/dwellings/[id=uuid]',
		path: `/staff/dwellings/${SEED.dwelling2}`,
		load: ['staff', 'admin'],
		actions: { save: ['staff', 'admin'], submit: ['staff', 'admin'], review: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/households', path: '/staff/households', load: ['staff', 'admin'] },
	{
		route: '/(staff)/staff/households/new',
		path: '/staff/households/new',
		load: ['staff', 'admin'],
		actions: { default: ['staff', 'admin'] }
	},
	{
		route: '/(staff)/staff/households/import',
		path: '/staff/households/import',
		load: ['staff', 'admin'],
		actions: { default: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/households/template.csv', path: '/staff/households/template.csv', endpoints: { GET: ['staff', 'admin'] } },
	{
		route: '/(staff)/staff/households/[id=uuid]',
		path: `/staff/households/${SEED.household5}`,
		load: ['staff', 'admin'],
		actions: {
			propose: ['staff', 'admin'],
			confirm: ['staff', 'admin'],
			cancel: ['staff', 'admin'],
			status: ['staff', 'admin'],
			tasks: ['staff', 'admin']
		}
	},
	{ route: '/(staff)/staff/matching', path: '/staff/matching', load: ['staff', 'admin'], actions: { propose: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/districts', path: '/staff/districts', load: ['staff', 'admin'], actions: { save: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/tasks', path: '/staff/tasks', load: ['staff', 'admin'], actions: { approve: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/volunteers', path: '/staff/volunteers', load: ['staff', 'admin'], actions: { certificate: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/volunteers/[id=uuid]', path: `/staff/volunteers/${SEED.volunteer2}`, load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/tasks/new', path: '/staff/tasks/new', load: ['staff', 'admin'], actions: { default: ['staff', 'admin'] } },
	{
		route: '/(staff)/staff/tasks/[id=uuid]',
		path: `/staff/tasks/${SEED.task20}`,
		load: ['staff', 'admin'],
		actions: { save: ['staff', 'admin'], cancel: ['staff', 'admin'], noshow: ['staff', 'admin'] }
	},
	{
		route: '/(staff)/staff/tasks/[id=uuid]/volunteers',
		path: `/staff/tasks/${SEED.task20}/volunteers`,
		load: ['staff', 'admin'],
		actions: { invite: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/outbox', path: '/staff/outbox', load: ['staff', 'admin'], actions: { retry: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/admin/users', path: '/staff/admin/users', load: ['admin'], actions: { invite: ['admin'] } },
	{
		route: '/(staff)/staff/admin/settings',
		path: '/staff/admin/settings',
		load: ['admin'],
		actions: { save: ['admin'], matching: ['admin'], retention: ['admin'] }
	},
	{ route: '/(staff)/staff/admin/audit', path: '/staff/admin/audit', load: ['admin'] }
];

/** every route of the route tree, with its form actions and endpoint methods */
function routeTree() {
	const routesDir = join(ROOT, 'src/routes');
	const found: { route: string; actions: string[]; methods: string[]; page: boolean }[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const page = files.includes('+page.svelte');
		const server = files.includes('+server.ts');
		if (page || server) {
			const route = '/' + relative(routesDir, dir).split('/').filter(Boolean).join('/');
			const pageServer = files.includes('+page.server.ts') ? readFileSync(join(dir, '+page.server.ts'), 'utf8') : '';
			const actionsBlock = pageServer.split('export const actions')[1] ?? '';
			const actions = [...actionsBlock.matchAll(/^\t(\w+): /gm)].map((m) => m[1]);
			const endpoint = server ? readFileSync(join(dir, '+server.ts'), 'utf8') : '';
			const methods = [
				...endpoint.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)\b/g)
			].map((m) => m[1]);
			found.push({ route: route === '/' ? '/' : route, actions, methods, page });
		}
		for (const file of files) if (statSync(join(dir, file)).isDirectory()) walk(join(dir, file));
	};
	walk(routesDir);
	return found;
}

let app: RunningApp;

// a fresh login for every request: an action like "log out everywhere" ends the sessions
// of whoever tried it, which must not change what the next row of the table sees
async function clientFor(who: Who): Promise<Client> {
	const client = new Client(app.url);
	if (who !== 'anonymous') {
		const res = await client.login(LOGINS[who]);
		if (res.status !== 303) throw new Error(`could not log in as ${who}: ${res.status}`);
	}
	return client;
}

function expectAllowed(res: Response, what: string) {
	expect(res.status, what).not.toBe(403);
	expect(res.status, what).not.toBe(500);
	expect(location(res) ?? '', what).not.toMatch(/^\/login\?redirectTo=/);
}

function expectDenied(res: Response, who: Who, what: string) {
	if (who === 'anonymous') {
		expect(res.status, what).toBe(303);
		expect(location(res), what).toMatch(/^\/login/);
	} else {
		expect(res.status, what).toBe(403);
	}
}

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

describe('the authorisation matrix', () => {
	it('lists every route, form action and endpoint of the route tree', () => {
		const tree = routeTree();
		expect(tree.length).toBeGreaterThan(10);
		for (const { route, actions, methods } of tree) {
			const entry = MATRIX.find((e) => e.route === route);
			expect(entry, `${route} is missing from the matrix`).toBeDefined();
			for (const action of actions) expect(entry!.actions?.[action], `${route} ?/${action} is missing`).toBeDefined();
			for (const method of methods) expect(entry!.endpoints?.[method as 'GET'], `${route} ${method} is missing`).toBeDefined();
		}
		// and nothing in the matrix that the app no longer has
		for (const entry of MATRIX)
			expect(
				tree.map((t) => t.route),
				entry.route
			).toContain(entry.route);
	});

	// what the server hook enforces: a route, action or method missing here is refused for
	// everyone (a new endpoint cannot be let through by forgetting it)
	it('has a rule in policy.ts for every route, page, form action and exported endpoint method', () => {
		for (const { route, actions, methods, page } of routeTree()) {
			const policy = policies[route];
			expect(policy, `${route} is missing from policy.ts`).toBeDefined();
			if (page) expect(policy.load, `${route} has no load rule`).toBeDefined();
			for (const action of actions) expect(policy.actions?.[action], `${route} ?/${action} has no rule`).toBeDefined();
			for (const method of methods) {
				// the table knows GET (and HEAD with it) and POST: any other method, or a
				// catch-all `fallback`, would be refused, so the test says so here first
				expect(['GET', 'POST'], `${route} exports ${method}, which policy.ts cannot allow`).toContain(method);
				expect(policy.endpoints?.[method as 'GET' | 'POST'], `${route} ${method} has no rule in policy.ts`).toBeDefined();
			}
		}
	});

	// methods and actions the table does not list are refused before any handler runs
	// (SvelteKit alone would answer 405, or 404 for an unknown action)
	describe('what the table does not list', () => {
		const UNLISTED: [string, string, string][] = [
			['GET', '/logout', 'an endpoint method not listed'],
			['DELETE', '/healthz', 'a method no endpoint exports'],
			['PUT', '/account/data.json', 'a method no endpoint exports'],
			['POST', '/account?/notAnAction', 'a form action not listed'],
			['DELETE', '/account', 'a method no page answers'],
			['POST', '/staff/tasks', 'the default action of a page that has only named ones']
		];
		for (const [method, path, what] of UNLISTED) {
			it.each(EVERYONE)(`${method} ${path} (${what}) is refused for %s`, async (who) => {
				const client = await clientFor(who);
				const res = await fetch(app.url + path, {
					method,
					headers: {
						cookie: client.cookieHeader(),
						origin: app.url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: method === 'GET' ? undefined : '',
					redirect: 'manual'
				});
				expect(res.status, `${who} ${method} ${path}`).toBe(403);
			});
		}
	});

	for (const entry of MATRIX) {
		describe(entry.route, () => {
			if (entry.load) {
				it.each(EVERYONE)(`GET ${entry.path} as %s`, async (who) => {
					const res = await (await clientFor(who)).get(entry.path);
					if (entry.load!.includes(who)) expectAllowed(res, `${who} GET ${entry.path}`);
					else expectDenied(res, who, `${who} GET ${entry.path}`);
				});
			}
			for (const [action, allowed] of Object.entries(entry.actions ?? {})) {
				const target = action === 'default' ? entry.path : `${entry.path}?/${action}`;
				it.each(EVERYONE)(`POST ${target} as %s`, async (who) => {
					// an empty form: allowed people get a 400 or a result, never a refusal
					const res = await (await clientFor(who)).post(target, {});
					if (allowed.includes(who)) expectAllowed(res, `${who} POST ${target}`);
					else expectDenied(res, who, `${who} POST ${target}`);
				});
			}
			for (const [method, allowed] of Object.entries(entry.endpoints ?? {})) {
				it.each(EVERYONE)(`${method} ${entry.path} as %s`, async (who) => {
					const client = await clientFor(who);
					const res = method === 'GET' ? await client.get(entry.path) : await client.post(entry.path, {});
					if (allowed.includes(who)) expectAllowed(res, `${who} ${method} ${entry.path}`);
					else expectDenied(res, who, `${who} ${method} ${entry.path}`);
				});
			}
		});
	}
});
