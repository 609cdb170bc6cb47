// The authorisation matrix: every route and every form action of the app, for each kind
// of person, with what they may do. It is written here by hand, apart from
// src/lib/auth/policy.ts, so a wrong rule there fails here; and a route or action that is
// in the route tree but not in this table fails the first test. Each page a person may
// open shows only forms and links they may use (the pages ask the same table as the hook),
// and a page they may not open is the app's error page. One session per role, made once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/stack/migrate.ts';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { Client, location } from '../helpers/http';
import { seedId } from '../helpers/seed';
import { policies } from '../../src/lib/auth/policy';

type Who = 'anonymous' | 'landlord' | 'volunteer' | 'staff' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'landlord', 'volunteer', 'staff', 'admin'];
const LOGGED_IN = ['landlord', 'volunteer', 'staff', 'admin'] satisfies Who[];

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
	// the error page the hook shows when it refuses a page: nobody opens it themselves
	{ route: '/forbidden', path: '/forbidden', load: [] },
	{ route: '/', path: '/', load: EVERYONE },
	{ route: '/healthz', path: '/healthz', endpoints: { GET: EVERYONE } },
	{ route: '/language', path: '/language', endpoints: { POST: EVERYONE } },
	{ route: '/dev/mail', path: '/dev/mail', load: EVERYONE },
	{ route: '/about', path: '/about', load: EVERYONE },
	{ route: '/for-landlords', path: '/for-landlords', load: EVERYONE },
	{ route: '/for-volunteers', path: '/for-volunteers', load: EVERYONE },
	{
		route: '/unsubscribe/[token]',
		path: `/unsubscribe/${TOKEN}`,
		load: EVERYONE,
		actions: { unsubscribe: EVERYONE, resubscribe: EVERYONE }
	},
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
			phone: ['landlord'],
			locale: LOGGED_IN,
			mail: LOGGED_IN,
			digest: ['staff', 'admin'],
			resend: LOGGED_IN,
			logoutEverywhere: LOGGED_IN,
			delete: ['landlord', 'volunteer']
		}
	},
	{ route: '/account/data.json', path: '/account/data.json', endpoints: { GET: ['landlord', 'volunteer'] } },
	{
		route: '/addresses/suggestions.json',
		path: '/addresses/suggestions.json?street=Skulevegen&postcode=5915',
		endpoints: { GET: ['landlord', 'staff', 'admin'] }
	},
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
		actions: {
			save: ['landlord'],
			submit: ['landlord'],
			withdraw: ['landlord'],
			reoffer: ['landlord'],
			photo_add: ['landlord'],
			photo_caption: ['landlord'],
			photo_up: ['landlord'],
			photo_down: ['landlord'],
			photo_remove: ['landlord']
		}
	},
	// a photo that does not exist: a landlord and staff get 404 (the check is in the handler)
	{ route: '/photos/[id=uuid]/[size=photo_size]', path: `/photos/${SEED.noMatch}/web`, endpoints: { GET: ['landlord', 'staff', 'admin'] } },
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
	{ route: '/(staff)/staff/overview', path: '/staff/overview', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/reports', path: '/staff/reports?year=2026', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/reports/settled.csv', path: '/staff/reports/settled.csv?year=2026', endpoints: { GET: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/reports/households.csv', path: '/staff/reports/households.csv', endpoints: { GET: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/reports/dwellings.csv', path: '/staff/reports/dwellings.csv', endpoints: { GET: ['staff', 'admin'] } },
	{
		route: '/(staff)/staff/reports/volunteer-hours.csv',
		path: '/staff/reports/volunteer-hours.csv?year=2026',
		endpoints: { GET: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/reports/transport', path: '/staff/reports/transport', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/reports/transport.csv', path: '/staff/reports/transport.csv', endpoints: { GET: ['staff', 'admin'] } },
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
		actions: {
			save: ['staff', 'admin'],
			submit: ['staff', 'admin'],
			review: ['staff', 'admin'],
			inspect: ['staff', 'admin'],
			place: ['staff', 'admin'],
			photo_add: ['staff', 'admin'],
			photo_caption: ['staff', 'admin'],
			photo_up: ['staff', 'admin'],
			photo_down: ['staff', 'admin'],
			photo_remove: ['staff', 'admin']
		}
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
			tasks: ['staff', 'admin'],
			reopen: ['staff', 'admin'],
			caseworker: ['staff', 'admin'],
			follow_up: ['staff', 'admin'],
			follow_up_undo: ['staff', 'admin']
		}
	},
	{
		route: '/(staff)/staff/households/[id=uuid]/edit',
		path: `/staff/households/${SEED.household5}/edit`,
		load: ['staff', 'admin'],
		actions: { default: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/households/[id=uuid]/sheet', path: `/staff/households/${SEED.household5}/sheet`, load: ['staff', 'admin'] },
	{
		route: '/(staff)/staff/households/[id=uuid]/lease',
		path: `/staff/households/${SEED.household5}/lease`,
		load: ['staff', 'admin'],
		actions: { save: ['staff', 'admin'] }
	},
	{ route: '/(staff)/staff/tasks/[id=uuid]/sheet', path: `/staff/tasks/${SEED.task20}/sheet`, load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/matching', path: '/staff/matching', load: ['staff', 'admin'], actions: { propose: ['staff', 'admin'] } },
	{ route: '/(staff)/staff/map', path: '/staff/map', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/map/layers.json', path: '/staff/map/layers.json', endpoints: { GET: ['staff', 'admin'] } },
	{
		route: '/(staff)/staff/districts',
		path: '/staff/districts',
		load: ['staff', 'admin'],
		actions: { save: ['staff', 'admin'], localities: ['staff', 'admin'], boundaries: ['admin'] }
	},
	{
		route: '/(staff)/staff/tasks',
		path: '/staff/tasks',
		load: ['staff', 'admin'],
		actions: { approve: ['staff', 'admin'], correct: ['staff', 'admin'], reject: ['staff', 'admin'] }
	},
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
	{ route: '/(staff)/staff/search', path: '/staff/search?q=ha', load: ['staff', 'admin'] },
	{ route: '/(staff)/staff/search/suggestions.json', path: '/staff/search/suggestions.json?q=ha', endpoints: { GET: ['staff', 'admin'] } },
	{
		route: '/(staff)/staff/admin/users',
		path: '/staff/admin/users',
		load: ['admin'],
		actions: { invite: ['admin'], deactivate: ['admin'] }
	},
	{
		route: '/(staff)/staff/admin/settings',
		path: '/staff/admin/settings',
		load: ['admin'],
		actions: { save: ['admin'], matching: ['admin'], inspection: ['admin'], retention: ['admin'], contact: ['admin'], texts: ['admin'] }
	},
	{ route: '/(staff)/staff/admin/audit', path: '/staff/admin/audit', load: ['admin'] },
	{
		route: '/(staff)/staff/admin/follow-up',
		path: '/staff/admin/follow-up',
		load: ['admin'],
		actions: { add: ['admin'], save: ['admin'], up: ['admin'], down: ['admin'], retire: ['admin'] }
	},
	{ route: '/(staff)/staff/admin/grants', path: '/staff/admin/grants', load: ['admin'], actions: { save: ['admin'] } }
];

/** every route of the route tree, with its form actions and endpoint methods */
function routeTree() {
	const routesDir = join(ROOT, 'src/routes');
	const found: { route: string; actions: string[]; methods: string[]; page: boolean }[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		// a page: its component, or a server load alone (the refusal page has no component)
		const page = files.includes('+page.svelte') || files.includes('+page.server.ts');
		const server = files.includes('+server.ts');
		if (page || server) {
			const route = '/' + relative(routesDir, dir).split('/').filter(Boolean).join('/');
			const pageServer = files.includes('+page.server.ts') ? readFileSync(join(dir, '+page.server.ts'), 'utf8') : '';
			const actionsBlock = pageServer.split('export const actions')[1] ?? '';
			// one action a line, or all on one line: `{ default: (event) => … }`
			const actions = [...actionsBlock.matchAll(/(?:^\t|^export const actions[^=]*= \{ |= \{ )(\w+): /gm)].map((m) => m[1]);
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

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MATCHERS: Record<string, string> = { uuid: UUID, yes_no: '(?:yes|no)', accept_decline: '(?:accept|decline)' };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** the address pattern of a route id: groups left out, each [param] as what it matches */
function patternOf(route: string): RegExp {
	const segments = route.split('/').filter((p) => p && !/^\(.+\)$/.test(p));
	const source = segments
		.map(
			(segment) =>
				'/' +
				segment
					.split(/(\[\w+(?:=\w+)?\])/)
					.map((part) => {
						const param = /^\[\w+(?:=(\w+))?\]$/.exec(part);
						return param ? (param[1] ? MATCHERS[param[1]] : '[^/]+') : escape(part);
					})
					.join('')
		)
		.join('');
	return new RegExp(`^${source || '/'}$`);
}

// routes without parameters first: /staff/tasks/new is that page, not a task's id
const PATTERNS = [...MATRIX]
	.sort((a, b) => Number(a.route.includes('[')) - Number(b.route.includes('[')))
	.map((entry) => ({ entry, pattern: patternOf(entry.route) }));

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1]?.replaceAll('&amp;', '&');

/** what the page's forms and links ask for: each as the route, and what of it */
function offersOf(html: string, pageUrl: URL) {
	const asked: { what: string; entry: Entry; allowed: Who[] | undefined }[] = [];
	const ask = (method: string, address: string) => {
		const url = new URL(address, pageUrl);
		if (url.origin !== pageUrl.origin) return;
		const found = PATTERNS.find(({ pattern }) => pattern.test(url.pathname));
		if (!found) return; // not a route of the app (a file of static/, say)
		const { entry } = found;
		const what = `${method} ${url.pathname}${url.search}`;
		if (entry.endpoints) return asked.push({ what, entry, allowed: entry.endpoints[method as 'GET' | 'POST'] });
		if (method === 'GET') return asked.push({ what, entry, allowed: entry.load });
		const name = [...url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1) ?? 'default';
		asked.push({ what, entry, allowed: entry.actions?.[name] });
	};
	for (const [, open, body] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)) {
		const method = (attribute(open, 'method') ?? 'GET').toUpperCase();
		const submits = [...body.matchAll(/<button\b[^>]*>|<input\b[^>]*\stype="submit"[^>]*>/g)]
			.map(([tag]) => tag)
			.filter((tag) => !/\stype="(button|reset)"/.test(tag));
		// the form's own action is used unless every way to send it names another (Enter too
		// sends it as its first submit button does)
		if (submits.length === 0 || submits.some((tag) => attribute(tag, 'formaction') === undefined))
			ask(method, attribute(open, 'action') ?? pageUrl.href);
		for (const tag of submits) {
			const formaction = attribute(tag, 'formaction');
			if (formaction) ask(method, formaction);
		}
	}
	for (const [link] of html.matchAll(/<a\b[^>]*>/g)) {
		const href = attribute(link, 'href');
		if (href && !href.startsWith('#') && !/^(mailto|tel):/.test(href)) ask('GET', href);
	}
	return asked;
}

/** may this person use it: they are allowed, or nobody is logged in and logging in leads there */
const mayUse = (who: Who, allowed: Who[] | undefined) =>
	allowed !== undefined && (allowed.includes(who) || (who === 'anonymous' && allowed.length > 0));

const nn = JSON.parse(readFileSync(join(ROOT, 'messages/nn.json'), 'utf8')) as Record<string, string>;

let app: RunningApp;
const sessions = new Map<Exclude<Who, 'anonymous'>, Client>();

async function logIn(who: Exclude<Who, 'anonymous'>): Promise<Client> {
	const client = new Client(app.url);
	const res = await client.login(LOGINS[who]);
	if (res.status !== 303) throw new Error(`could not log in as ${who}: ${res.status}`);
	sessions.set(who, client);
	return client;
}

/** the one session of each role, made in beforeAll; the anonymous have none */
const clientFor = (who: Who): Client => (who === 'anonymous' ? new Client(app.url) : sessions.get(who)!);

// what ends the session that sent it (and "everywhere", every session of that person): the
// role logs in again afterwards, so the rows after it see the same person
const ENDS_SESSIONS = ['POST /logout', 'POST /account?/logoutEverywhere'];
async function afterwards(who: Who, what: string) {
	if (who !== 'anonymous' && ENDS_SESSIONS.includes(what)) await logIn(who);
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
	for (const who of LOGGED_IN) await logIn(who);
});
afterAll(() => app?.stop());

describe('the authorisation matrix', () => {
	it('lists every route, form action and endpoint of the route tree, and nothing else', () => {
		const tree = routeTree();
		expect(tree.length).toBeGreaterThan(10);
		for (const { route, actions, methods } of tree) {
			const entry = MATRIX.find((e) => e.route === route);
			expect(entry, `${route} is missing from the matrix`).toBeDefined();
			for (const action of actions) expect(entry!.actions?.[action], `${route} ?/${action} is missing`).toBeDefined();
			for (const method of methods) expect(entry!.endpoints?.[method as 'GET'], `${route} ${method} is missing`).toBeDefined();
		}
		// and nothing in the matrix that the app no longer has
		for (const entry of MATRIX) {
			const found = tree.find((t) => t.route === entry.route);
			expect(found, `${entry.route} is not in the route tree`).toBeDefined();
			for (const action of Object.keys(entry.actions ?? {})) expect(found!.actions, `${entry.route} ?/${action}`).toContain(action);
			for (const method of Object.keys(entry.endpoints ?? {})) expect(found!.methods, `${entry.route} ${method}`).toContain(method);
		}
	});

	// what the server hook enforces: a route, action or method missing here is refused for
	// everyone (a new endpoint cannot be let through by forgetting it)
	it('has a rule in policy.ts for every route, page, form action and exported endpoint method, and none for what is gone', () => {
		const tree = routeTree();
		for (const { route, actions, methods, page } of tree) {
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
		// a route that is gone fails `npm run check` (the keys are SvelteKit's route ids); an
		// action or method that is gone is a rule for nothing
		for (const [route, policy] of Object.entries(policies)) {
			const found = tree.find((t) => t.route === route);
			expect(found, `${route} in policy.ts is not in the route tree`).toBeDefined();
			for (const action of Object.keys(policy.actions ?? {})) expect(found!.actions, `${route} ?/${action} in policy.ts`).toContain(action);
			for (const method of Object.keys(policy.endpoints ?? {})) expect(found!.methods, `${route} ${method} in policy.ts`).toContain(method);
		}
		expect(existsSync(join(ROOT, 'src/routes/forbidden/+page.svelte')), 'the refusal page renders only the error page').toBe(false);
	});

	// methods and actions the table does not list are refused before any handler runs
	// (SvelteKit alone would answer 405, or 404 for an unknown action)
	describe('what the table does not list', () => {
		const UNLISTED: [string, string, string][] = [
			['GET', '/logout', 'an endpoint method not listed'],
			['DELETE', '/healthz', 'a method no endpoint exports'],
			['PUT', '/account/data.json', 'a method no endpoint exports'],
			['POST', '/account?/notAnAction', 'a form action not listed'],
			['POST', '/account?/constructor', 'a name Object.prototype has'],
			['POST', '/login?/default', 'the default action asked for by name'],
			['DELETE', '/account', 'a method no page answers'],
			['POST', '/staff/tasks', 'the default action of a page that has only named ones']
		];
		for (const [method, path, what] of UNLISTED) {
			it.each(EVERYONE)(`${method} ${path} (${what}) is refused for %s`, async (who) => {
				const res = await fetch(app.url + path, {
					method,
					headers: {
						cookie: clientFor(who).cookieHeader(),
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
					const res = await clientFor(who).get(entry.path);
					const what = `${who} GET ${entry.path}`;
					if (!entry.load!.includes(who)) {
						expectDenied(res, who, what);
						if (who === 'anonymous') return;
						// the app's error page, in its layout and the person's language
						const html = await res.text();
						expect(html, what).toContain(nn.forbidden);
						expect(html, what).toContain(`>${nn.nav_account}</a>`);
						expect(html, what).toMatch(/<html lang="nn"/);
						return;
					}
					expectAllowed(res, what);
					if (res.status !== 200) return;
					// the page offers only what this person may do
					const offers = offersOf(await res.text(), new URL(entry.path, app.url));
					expect(offers.length, what).toBeGreaterThan(0);
					const refused = offers.filter((o) => !mayUse(who, o.allowed)).map((o) => `${o.what} (${o.entry.route})`);
					expect(refused, `${what} shows forms or links that are refused`).toEqual([]);
				});
			}
			for (const [action, allowed] of Object.entries(entry.actions ?? {})) {
				const target = action === 'default' ? entry.path : `${entry.path}?/${action}`;
				it.each(EVERYONE)(`POST ${target} as %s`, async (who) => {
					// an empty form: allowed people get a 400 or a result, never a refusal
					const res = await clientFor(who).post(target, {});
					await afterwards(who, `POST ${target}`);
					if (allowed.includes(who)) expectAllowed(res, `${who} POST ${target}`);
					else expectDenied(res, who, `${who} POST ${target}`);
				});
			}
			for (const [method, allowed] of Object.entries(entry.endpoints ?? {})) {
				it.each(EVERYONE)(`${method} ${entry.path} as %s`, async (who) => {
					const client = clientFor(who);
					const res = method === 'GET' ? await client.get(entry.path) : await client.post(entry.path, {});
					await afterwards(who, `${method} ${entry.path}`);
					if (allowed.includes(who)) expectAllowed(res, `${who} ${method} ${entry.path}`);
					else expectDenied(res, who, `${who} ${method} ${entry.path}`);
				});
			}
		});
	}
});
