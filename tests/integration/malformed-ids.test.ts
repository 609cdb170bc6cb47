// Malformed ids and link tokens in addresses: every route with an id answers 404 with the
// app's error page (src/params/uuid.ts refuses anything but a uuid before a load runs),
// never a 500 from the database refusing the cast; a link with a damaged token shows its
// page's "this link is not valid", never a 500.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/stack/migrate.ts';
import { policies, type Rule } from '../../src/lib/auth/policy';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { Client } from '../helpers/http';
import { seedId } from '../helpers/seed';

type Who = 'anonymous' | 'landlord' | 'volunteer' | 'staff' | 'admin';
const LOGINS: Record<Exclude<Who, 'anonymous'>, string> = {
	landlord: 'utleigar02@example.no',
	volunteer: 'frivillig02@example.no',
	staff: 'sakshandsamar@fjordvik.kommune.no',
	admin: 'admin@fjordvik.kommune.no'
};

// as they stand in the address (already percent-encoded where a browser would encode them)
const MALFORMED: Record<string, string> = {
	'a word': 'not-a-uuid',
	'SQL in quotes': encodeURIComponent("1' or '1'='1"),
	'a NUL byte': '%00',
	'a newline': '%0A',
	'an over-long string': 'f'.repeat(4000),
	'a uuid with a trailing character': `${seedId('household:5')}x`,
	'a uuid one character short': seedId('household:5').slice(0, -1),
	'a uuid with a dot-dot': `${seedId('household:5')}%2e%2e`
};

const nn = JSON.parse(readFileSync(join(ROOT, 'messages/nn.json'), 'utf8')) as Record<string, string>;

/** the address of a route with its parameter replaced (the answers filled in), route groups left out */
const pathOf = (route: string, param: 'id' | 'token', value: string) =>
	route
		.split('/')
		.filter((p) => !/^\(.+\)$/.test(p))
		.map((p) => p.replace(param === 'id' ? /\[id=uuid\]/ : /\[token\]/, () => value))
		.join('/')
		.replace('[answer=yes_no]', 'yes')
		.replace('[answer=accept_decline]', 'accept');

const whoFor = (rule: Rule): Who =>
	rule === 'public'
		? 'anonymous'
		: rule === 'user'
			? 'volunteer'
			: rule.includes('admin') && !rule.includes('staff')
				? 'admin'
				: (rule[0] as Who);

let app: RunningApp;
const clients = new Map<Who, Client>();

async function clientFor(who: Who): Promise<Client> {
	let client = clients.get(who);
	if (!client) {
		client = new Client(app.url);
		if (who !== 'anonymous') {
			const res = await client.login(LOGINS[who]);
			if (res.status !== 303) throw new Error(`could not log in as ${who}: ${res.status}`);
		}
		clients.set(who, client);
	}
	return client;
}

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

const ID_ROUTES = Object.keys(policies).filter((r) => r.includes('[id'));
const TOKEN_ROUTES = Object.keys(policies).filter((r) => r.includes('[token]'));

describe('a malformed id in the address', () => {
	it('is tried on every route with an id', () => {
		expect(ID_ROUTES.length).toBeGreaterThanOrEqual(9);
		for (const route of ID_ROUTES) expect(route, 'an [id] route without the uuid matcher').toMatch(/\[id=uuid\]/);
	});

	for (const route of ID_ROUTES) {
		const policy = policies[route];
		describe(route, () => {
			it.each(Object.entries(MALFORMED))('answers 404 with the app’s error page to %s, for someone allowed there', async (_, value) => {
				const rule = policy.load ?? policy.endpoints?.GET;
				const client = await clientFor(whoFor(rule!));
				const path = pathOf(route, 'id', value);
				const res = await client.get(path);
				expect(res.status, `GET ${path.slice(0, 120)}`).toBe(404);
				const body = await res.text();
				expect(body).toContain(nn.error_not_found);
				expect(body).toContain(nn.error_title);
				for (const [action, actionRule] of Object.entries(policy.actions ?? {})) {
					const target = action === 'default' ? path : `${path}?/${action}`;
					const post = await (await clientFor(whoFor(actionRule))).post(target, { reason: 'x', status: 'searching' });
					expect(post.status, `POST ${target.slice(0, 120)}`).toBe(404);
				}
			});
		});
	}
});

describe('a malformed token in a link', () => {
	for (const route of TOKEN_ROUTES) {
		it.each(Object.entries(MALFORMED))(`${route} answers %s without a 500 and shows no one's data`, async (_, value) => {
			const path = pathOf(route, 'token', value);
			const client = await clientFor('anonymous');
			const res = await client.get(path);
			// a page says the link is not valid; the calendar feed is not found
			expect(route.endsWith('.ics') ? [404] : [200, 404], `GET ${path.slice(0, 120)}`).toContain(res.status);
			// every action the link's page has (the default one, or named ones)
			for (const action of Object.keys(policies[route].actions ?? {})) {
				const target = action === 'default' ? path : `${path}?/${action}`;
				const post = await client.post(target, {});
				expect([400, 404], `POST ${target.slice(0, 120)}`).toContain(post.status);
			}
		});
	}
});
