// The server hooks' decision on every request (authorize.ts decide), and the hook itself
// (handleAccess, in src/hooks.server.ts's sequence), for routes and methods the policy table does not name: a route that exists
// only in this test is refused for everyone, never let through to a handler.
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/server/db/sessions';
import type { Role } from '$lib/roles';
import { decide, handleAccess, refusal } from './authorize';
import { policies } from './policy';

const ONLY_IN_THIS_TEST = ['/(staff)/staff/only-in-this-test', '/account/only-in-this-test.json', '/only-in-this-test/[id=uuid]'];

const person = (...roles: Role[]): SessionUser => ({
	id: '00000000-0000-4000-8000-000000000001',
	email: 'a@example.no',
	displayName: 'A',
	locale: 'nn',
	roles,
	emailVerified: true
});

const PEOPLE: Record<string, SessionUser | null> = {
	anonymous: null,
	landlord: person('landlord'),
	volunteer: person('volunteer'),
	staff: person('staff'),
	admin: person('admin', 'staff')
};

type Options = { method?: string; user?: SessionUser | null; data?: boolean; accept?: string };

function eventFor(routeId: string | null, path: string, { method = 'GET', user = null, data = false, accept = 'text/html' }: Options = {}) {
	const url = new URL(path, 'http://localhost:5173');
	return {
		route: { id: routeId },
		url,
		locals: { user, sessionId: null, requestId: 'test' },
		request: new Request(url, { method, headers: { accept, origin: url.origin } }),
		isDataRequest: data
	} as unknown as RequestEvent;
}

describe('the hooks’ authorisation decision', () => {
	it('refuses a route that is not in the policy table, for every person and method', () => {
		for (const route of ONLY_IN_THIS_TEST) {
			expect(policies[route]).toBeUndefined();
			for (const [who, user] of Object.entries(PEOPLE))
				for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'])
					expect(decide(eventFor(route, '/x', { method, user })), `${who} ${method} ${route}`).toBe('forbid');
		}
	});

	it('refuses an endpoint method the table does not list, even for the roles it lets in', () => {
		expect(decide(eventFor('/logout', '/logout', { method: 'POST' }))).toBe('allow');
		expect(decide(eventFor('/logout', '/logout', { method: 'GET' }))).toBe('forbid');
		expect(decide(eventFor('/logout', '/logout', { method: 'DELETE', user: PEOPLE.admin }))).toBe('forbid');
		expect(decide(eventFor('/healthz', '/healthz', { method: 'PUT' }))).toBe('forbid');
		expect(decide(eventFor('/account/data.json', '/account/data.json', { method: 'POST', user: PEOPLE.volunteer }))).toBe('forbid');
	});

	it('refuses a form action the table does not list, and a method no page answers', () => {
		const admin = PEOPLE.admin;
		expect(decide(eventFor('/account', '/account?/password', { method: 'POST', user: admin }))).toBe('allow');
		expect(decide(eventFor('/account', '/account?/notInTheTable', { method: 'POST', user: admin }))).toBe('forbid');
		// /account has named actions only: a POST without a name asks for the default one
		expect(decide(eventFor('/account', '/account', { method: 'POST', user: admin }))).toBe('forbid');
		expect(decide(eventFor('/account', '/account', { method: 'PUT', user: admin }))).toBe('forbid');
	});

	it('lets through what the table allows, and sends the anonymous to the login page', () => {
		expect(decide(eventFor('/(staff)/staff', '/staff', { user: PEOPLE.staff }))).toBe('allow');
		expect(decide(eventFor('/(staff)/staff', '/staff', { user: PEOPLE.admin }))).toBe('allow');
		expect(decide(eventFor('/(staff)/staff', '/staff'))).toBe('login');
		expect(decide(eventFor('/(staff)/staff', '/staff', { data: true }))).toBe('login');
		expect(decide(eventFor('/(staff)/staff/tasks', '/staff/tasks?/approve', { method: 'POST' }))).toBe('login');
		expect(decide(eventFor('/account/data.json', '/account/data.json'))).toBe('login');
		expect(decide(eventFor('/', '/'))).toBe('allow');
	});

	it('leaves a logged-in person without the role to the page’s own refusal, but refuses data, actions and endpoints itself', () => {
		const landlord = PEOPLE.landlord;
		expect(decide(eventFor('/(staff)/staff', '/staff', { user: landlord }))).toBe('load-refuses');
		expect(decide(eventFor('/(staff)/staff', '/staff', { user: landlord, data: true }))).toBe('forbid');
		expect(decide(eventFor('/(staff)/staff/tasks', '/staff/tasks?/approve', { method: 'POST', user: landlord }))).toBe('forbid');
		expect(decide(eventFor('/(staff)/staff/reports/households.csv', '/staff/reports/households.csv', { user: landlord }))).toBe('forbid');
	});

	it('lets a request that matched no route through to SvelteKit’s 404', () => {
		expect(decide(eventFor(null, '/staff/households/not-a-uuid', { user: PEOPLE.staff }))).toBe('allow');
	});

	it('answers the login refusal with a redirect back, in the form a client-side navigation understands too', async () => {
		const page = refusal(eventFor('/(staff)/staff', '/staff/tasks?week=2'), 'login');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent('/staff/tasks?week=2')}`);
		const data = refusal(eventFor('/(staff)/staff', '/staff', { data: true }), 'login');
		expect(data.status).toBe(200);
		expect(await data.json()).toEqual({ type: 'redirect', location: '/login?redirectTo=%2Fstaff' });
		expect(refusal(eventFor('/(staff)/staff', '/staff'), 'forbid').status).toBe(403);
	});
});

describe('the access hook', () => {
	/** runs the hook for an event; what it answered, and whether the route's handler ran */
	async function through(event: RequestEvent) {
		let reached = false;
		const response = await handleAccess({
			event,
			resolve: async () => {
				reached = true;
				return new Response('the handler ran', { status: 200 });
			}
		});
		return { response, reached };
	}

	it('never runs the handler of a route that exists only in this test', async () => {
		for (const route of ONLY_IN_THIS_TEST)
			for (const method of ['GET', 'POST', 'DELETE']) {
				const { response, reached } = await through(eventFor(route, '/only-in-this-test', { method }));
				expect(reached, `${method} ${route}`).toBe(false);
				expect(response.status, `${method} ${route}`).toBe(403);
			}
	});

	it('never runs a handler for an endpoint method the table does not list', async () => {
		for (const method of ['GET', 'DELETE', 'PUT']) {
			const { response, reached } = await through(eventFor('/logout', '/logout', { method }));
			expect(reached, method).toBe(false);
			expect(response.status, method).toBe(403);
		}
	});

	it('answers 403 itself when a page a person may not open does not refuse on its own', async () => {
		// the stand-in handler renders the page (200), as a page without a load of its own would
		const { response, reached } = await through(eventFor('/(staff)/staff', '/staff', { user: PEOPLE.landlord }));
		expect(reached).toBe(true);
		expect(response.status).toBe(403);
		expect(await response.text()).not.toContain('the handler ran');
	});
});
