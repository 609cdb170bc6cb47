// Every page of the app, from the route tree, with who opens it and a real address for it:
// the accessibility tests visit this list, so a page added later is covered without
// touching them. Who may open a page comes from the policy (the same rules the app
// enforces); [id] and [token] are filled with rows of the demo data or links the app sends.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { ROOT } from '../../scripts/stack/migrate.ts';
import { policies } from '../../src/lib/auth/policy';
import { newToken, toBytea } from '../../src/lib/server/auth/tokens';
import { unsubscribeToken } from '../../src/lib/server/mail/unsubscribe';
import { serviceClient } from './clients';
import { stackEnv } from './env';
import { seedId } from './seed';
import { DEMO_HASH } from './tasks';
import { scaled } from './time';

export type Who = 'anonymous' | 'landlord' | 'volunteer' | 'staff' | 'admin';
export const WHO: Who[] = ['anonymous', 'landlord', 'volunteer', 'staff', 'admin'];

const LOGINS: Record<Exclude<Who, 'anonymous'>, string> = {
	landlord: 'utleigar02@example.no',
	volunteer: 'frivillig02@example.no',
	staff: 'sakshandsamar@fjordvik.kommune.no',
	admin: 'admin@fjordvik.kommune.no'
};

/** the demo login of each role; the landlord is one with a proposal waiting for an answer */
export async function loginOf(who: Exclude<Who, 'anonymous'>): Promise<string> {
	if (who !== 'landlord') return LOGINS[who];
	const { data, error } = await serviceClient()
		.from('matches')
		.select('created_at, dwelling:dwellings!inner(landlord:users!dwellings_landlord_id_fkey(email))')
		.eq('status', 'proposed')
		.order('created_at')
		.limit(1);
	if (error) throw new Error(`finding a landlord: ${error.message}`);
	return (data?.[0]?.dwelling as unknown as { landlord: { email: string } } | undefined)?.landlord.email ?? LOGINS.landlord;
}

/**
 * A logged-in person's pages follow the language they saved, not the browser's cookie: to
 * see the pages in another language, a person of that role who chose it (made for the test,
 * with the demo password). A landlord made so owns no dwelling, so the landlord's own
 * dwelling and proposal pages are seen in the demo landlord's language only.
 */
export async function personSpeaking(who: Exclude<Who, 'anonymous'>, locale: string): Promise<string> {
	const email = `a11y-${who}-${locale}-${Math.random().toString(36).slice(2, 8)}@example.no`;
	const db = serviceClient();
	const { data, error } = await db
		.from('users')
		.insert({
			email,
			display_name: `Test ${who}`,
			password_hash: DEMO_HASH,
			email_verified_at: new Date().toISOString(),
			locale: locale as 'nn'
		})
		.select('id')
		.single();
	if (error) throw new Error(`making a ${who} who speaks ${locale}: ${error.message}`);
	const roles = who === 'admin' ? (['admin', 'staff'] as const) : ([who] as const);
	const { error: roleError } = await db.from('user_roles').insert(roles.map((role) => ({ user_id: data.id, role })));
	if (roleError) throw new Error(`giving the role ${who}: ${roleError.message}`);
	return email;
}

/** route ids of every +page.svelte, as SvelteKit names them: /(staff)/staff/tasks/[id=uuid] */
export function pageRoutes(): string[] {
	const base = join(ROOT, 'src/routes');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === '+page.svelte') found.push('/' + relative(base, dir).split('\\').join('/'));
		}
	};
	walk(base);
	return found.map((r) => (r === '/' ? r : r.replace(/\/$/, ''))).sort();
}

/** who opens a page: public pages anonymously, pages for everyone logged in by every role */
export function visitorsOf(route: string): Who[] {
	const rule = policies[route]?.load;
	if (!rule) throw new Error(`${route} has no load rule in policy.ts`);
	if (rule === 'public') return ['anonymous'];
	if (rule === 'user') return ['landlord', 'volunteer', 'staff', 'admin'];
	// admin counts as staff: staff pages are seen as staff, admin-only pages as admin
	return rule.includes('staff') ? ['staff'] : [...rule];
}

/**
 * Pages that are skipped, each with the reason. Empty today: a page that truly cannot be
 * reached with the demo data goes here, never silently.
 */
export const UNREACHABLE: Record<string, string> = {};

/** the pages in groups of `size`, so a sweep is several tests that each fit a budget */
export function inGroups<T>(items: T[], size: number): T[][] {
	const groups: T[][] = [];
	for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
	return groups;
}

type Resolver = (request: Record<Who, APIRequestContext>) => Promise<string>;

const one = async <T>(what: string, query: PromiseLike<{ data: T | null; error: unknown }>): Promise<T> => {
	const { data, error } = await query;
	if (error || !data) throw new Error(`no ${what} in the demo data: ${JSON.stringify(error)}`);
	return data;
};

async function userId(email: string): Promise<string> {
	const { data, error } = await serviceClient().from('users').select('id').eq('email', email).single();
	if (error || !data) throw new Error(`no user ${email}: ${error?.message}`);
	return data.id;
}

/** a fresh account that has asked for a mail, for the pages its links open */
async function freshAccount(request: APIRequestContext, path: string, form: Record<string, string>, email: string, link: string) {
	const res = await request.post(path, {
		form,
		headers: { origin: new URL(request_base(request)).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	if (res.status() >= 400 && res.status() !== 303) throw new Error(`${path} answered ${res.status()}`);
	return linkTo(email, link);
}

/** the path of the first link to the app in the newest mail to an address (the sink's, as the app sends) */
async function linkTo(email: string, path: string): Promise<string> {
	const pattern = new RegExp(`https?://[^\\s]+(${path}/[a-z0-9.]+)`);
	for (const deadline = Date.now() + scaled(20000); Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
		const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(email)}`);
		for (const mail of (await res.json()) as { text: string }[]) {
			const found = mail.text.match(pattern);
			if (found) return found[1];
		}
	}
	throw new Error(`no mail to ${email} with a ${path} link`);
}

// the base URL the request context was made with (Playwright keeps it private)
const request_base = (_request: APIRequestContext) => process.env.A11Y_BASE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** addresses for routes with parameters */
export const PARAMS: Record<string, Resolver> = {
	'/(landlord)/landlord/dwellings/[id=uuid]': async () => {
		const rows = await one(
			'dwelling',
			serviceClient()
				.from('dwellings')
				.select('id')
				.eq('landlord_id', await userId(await loginOf('landlord')))
				.order('status')
				.limit(1)
		);
		return `/landlord/dwellings/${rows[0].id}`;
	},
	'/(landlord)/landlord/proposals/[id=uuid]': async () => {
		const rows = await one(
			'proposal',
			serviceClient()
				.from('matches')
				.select('id, dwelling:dwellings!inner(landlord_id)')
				.eq('status', 'proposed')
				.eq('dwelling.landlord_id', await userId(await loginOf('landlord')))
				.limit(1)
		);
		return `/landlord/proposals/${rows[0].id}`;
	},
	'/(volunteer)/volunteer/tasks/[id=uuid]': async () => `/volunteer/tasks/${seedId('task:20')}`,
	'/(staff)/staff/dwellings/[id=uuid]': async () => `/staff/dwellings/${seedId('dwelling:2')}`,
	'/(staff)/staff/households/[id=uuid]': async () => `/staff/households/${seedId('household:5')}`,
	'/(staff)/staff/households/[id=uuid]/edit': async () => `/staff/households/${seedId('household:5')}/edit`,
	'/(staff)/staff/households/[id=uuid]/sheet': async () => `/staff/households/${seedId('household:5')}/sheet`,
	// a household of the seed whose confirmed match has a lease: the page with its form filled
	'/(staff)/staff/households/[id=uuid]/lease': async () => `/staff/households/${seedId('household:19')}/lease`,
	'/(staff)/staff/tasks/[id=uuid]': async () => `/staff/tasks/${seedId('task:20')}`,
	'/(staff)/staff/tasks/[id=uuid]/sheet': async () => `/staff/tasks/${seedId('task:20')}/sheet`,
	'/(staff)/staff/tasks/[id=uuid]/volunteers': async () => `/staff/tasks/${seedId('task:20')}/volunteers`,
	'/(staff)/staff/volunteers/[id=uuid]': async () => `/staff/volunteers/${seedId('user:volunteer:2')}`,
	'/unsubscribe/[token]': async () =>
		`/unsubscribe/${unsubscribeToken({ email: 'frivillig03@example.no', category: 'tasks' }, stackEnv().appSecret)}`,
	'/verify/[token]': async (request) => {
		const email = `a11y-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.no`;
		return freshAccount(
			request.anonymous,
			'/register',
			{ role: 'volunteer', display_name: 'Ada Testar', email, password: 'eit langt passord her' },
			email,
			'/verify'
		);
	},
	'/reset/[token]': async (request) => {
		const email = 'frivillig05@example.no';
		return freshAccount(request.anonymous, '/reset', { email }, email, '/reset');
	},
	'/invite/[token]': async (request) => {
		const email = `a11y-staff-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@fjordvik.kommune.no`;
		return freshAccount(
			request.admin,
			'/staff/admin/users?/invite',
			{ display_name: 'Ny Sakshandsamar', email, locale: 'nn', role: 'staff' },
			email,
			'/invite'
		);
	},
	'/task-invitation/[token]/[answer=accept_decline]': async (request) => {
		const email = 'frivillig06@example.no';
		const form = { volunteer: await userId(email) };
		const link = await freshAccount(request.staff, `/staff/tasks/${seedId('task:20')}/volunteers?/invite`, form, email, '/task-invitation');
		return `${link}/accept`;
	},
	// the monthly "still available?" check of an approved offer, issued as the job does
	'/availability/[token]/[answer=yes_no]': async () => {
		const [dwelling] = await one('approved dwelling', serviceClient().from('dwellings').select('id').eq('status', 'approved').limit(1));
		const token = newToken();
		const { error } = await serviceClient().rpc('issue_availability_check', {
			p_dwelling: dwelling.id,
			p_check_id: token.id,
			p_secret_hash: toBytea(token.secretHash),
			p_expires_at: new Date(Date.now() + 24 * 3600_000).toISOString(),
			p_token: token.token
		});
		if (error) throw new Error(`issuing a check: ${error.message}`);
		return `/availability/${token.token}/yes`;
	}
};

/** the address of a page, with real rows or links for its parameters */
export async function addressOf(route: string, request: Record<Who, APIRequestContext>): Promise<string> {
	const resolver = PARAMS[route];
	if (resolver) return resolver(request);
	if (route.includes('[')) throw new Error(`${route} has parameters: add it to PARAMS in tests/helpers/site-pages.ts`);
	return route.replace(/\/\([^)]+\)/g, '') || '/';
}
