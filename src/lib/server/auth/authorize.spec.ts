// The server hook's decision on every request (authorize.ts decide), and the hook itself
// (handleAccess, last in src/hooks.server.ts's sequence): what it lets through, what it
// refuses and in which form, and that a refused request never reaches a handler — not a
// route that exists only in this test, not a page a logged-in person lacks the role for.
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/server/db/sessions';
import type { Role } from '$lib/roles';
import { policies } from '$lib/auth/policy';
import { decide, handleAccess, refusal, userOf } from './authorize';

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

type Options = { method?: string; user?: SessionUser | null; data?: boolean; accept?: string; sub?: boolean };

/** the event of a request, and the paths the hook asked SvelteKit for on its own (event.fetch) */
function eventFor(routeId: string | null, path: string, options: Options = {}) {
	const { method = 'GET', user = null, data = false, accept = 'text/html', sub = false } = options;
	const url = new URL(path, 'http://localhost:5173');
	const fetched: string[] = [];
	const event = {
		route: { id: routeId },
		url,
		locals: { user, sessionId: null, requestId: 'test' },
		request: new Request(url, { method, headers: { accept, origin: url.origin } }),
		isDataRequest: data,
		isSubRequest: sub,
		// what SvelteKit's own fetch answers for the refusal page: its load fails with 403
		fetch: async (input: string) => {
			fetched.push(input);
			return new Response('<html>the app’s error page</html>', {
				status: 403,
				headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'nonce-x'" }
			});
		}
	} as unknown as RequestEvent;
	return Object.assign(event, { fetched });
}

describe('the hook’s authorisation decision', () => {
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

	it('refuses action names that are not the table’s own: Object’s properties, and `default` by name', () => {
		for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
			expect(decide(eventFor('/account', `/account?/${name}`, { method: 'POST', user: PEOPLE.admin })), name).toBe('forbid');
		// SvelteKit answers `?/default` with a 500; the default action is asked for without a name
		expect(decide(eventFor('/login', '/login?/default', { method: 'POST' }))).toBe('forbid');
		expect(decide(eventFor('/login', '/login', { method: 'POST' }))).toBe('allow');
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

	it('refuses a logged-in person without the role itself, pages included', () => {
		const landlord = PEOPLE.landlord;
		expect(decide(eventFor('/(staff)/staff', '/staff', { user: landlord }))).toBe('forbid');
		expect(decide(eventFor('/(staff)/staff', '/staff', { user: landlord, data: true }))).toBe('forbid');
		expect(decide(eventFor('/(staff)/staff/tasks', '/staff/tasks?/approve', { method: 'POST', user: landlord }))).toBe('forbid');
		expect(decide(eventFor('/(staff)/staff/reports/households.csv', '/staff/reports/households.csv', { user: landlord }))).toBe('forbid');
		expect(decide(eventFor('/account', '/account?/delete', { method: 'POST', user: PEOPLE.staff }))).toBe('forbid');
	});

	it('lets only its own request through to the refusal page', () => {
		for (const user of Object.values(PEOPLE)) {
			expect(decide(eventFor('/forbidden', '/forbidden', { user }))).not.toBe('allow');
			expect(decide(eventFor('/forbidden', '/forbidden', { user, sub: true }))).toBe('allow');
		}
	});

	it('lets a request that matched no route through to SvelteKit’s 404', () => {
		expect(decide(eventFor(null, '/staff/households/not-a-uuid', { user: PEOPLE.staff }))).toBe('allow');
	});
});

describe('the refusal', () => {
	it('sends the anonymous to log in and back, in the form a client-side navigation or use:enhance understands', async () => {
		const page = await refusal(eventFor('/(staff)/staff', '/staff/tasks?week=2'), 'login');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent('/staff/tasks?week=2')}`);
		const data = await refusal(eventFor('/(staff)/staff', '/staff', { data: true }), 'login');
		expect(data.status).toBe(200);
		expect(await data.json()).toEqual({ type: 'redirect', location: '/login?redirectTo=%2Fstaff' });
		const enhanced = await refusal(
			eventFor('/(staff)/staff/tasks', '/staff/tasks?/approve', { method: 'POST', accept: 'application/json' }),
			'login'
		);
		expect(await enhanced.json()).toEqual({
			type: 'redirect',
			status: 303,
			location: `/login?redirectTo=${encodeURIComponent('/staff/tasks?/approve')}`
		});
	});

	it('shows a full page the app’s error page, with 403 and the headers it was rendered with', async () => {
		for (const [method, path] of [
			['GET', '/staff'],
			['POST', '/staff/tasks?/approve']
		]) {
			const event = eventFor('/(staff)/staff/tasks', path, { method, user: PEOPLE.landlord });
			const res = await refusal(event, 'forbid');
			expect(res.status, method).toBe(403);
			expect(event.fetched, method).toEqual(['/forbidden']);
			expect(await res.text(), method).toContain('the app’s error page');
			expect(res.headers.get('content-security-policy'), method).toBe("script-src 'nonce-x'");
		}
	});

	it('answers data, use:enhance and endpoints with a 403 of their kind, without rendering a page', async () => {
		const landlord = PEOPLE.landlord;
		const data = eventFor('/(staff)/staff', '/staff/__data.json', { user: landlord, data: true });
		const dataRes = await refusal(data, 'forbid');
		expect(dataRes.status).toBe(403);
		expect(dataRes.headers.get('content-type')).toBe('application/json');
		expect(await dataRes.json()).toEqual({ message: 'Du har ikkje tilgang til denne sida.' });
		const enhanced = eventFor('/(staff)/staff/tasks', '/staff/tasks?/approve', {
			method: 'POST',
			user: landlord,
			accept: 'application/json'
		});
		const enhancedRes = await refusal(enhanced, 'forbid');
		expect(enhancedRes.status).toBe(403);
		expect(await enhancedRes.json()).toEqual({ type: 'error', error: { message: 'Du har ikkje tilgang til denne sida.' } });
		const csv = eventFor('/(staff)/staff/reports/households.csv', '/staff/reports/households.csv', { user: landlord });
		const csvRes = await refusal(csv, 'forbid');
		expect(csvRes.status).toBe(403);
		expect(await csvRes.text()).toBe('Du har ikkje tilgang til denne sida.');
		expect([...data.fetched, ...enhanced.fetched, ...csv.fetched]).toEqual([]);
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

	it('never runs the load of a page a logged-in person may not open', async () => {
		for (const [who, user] of Object.entries(PEOPLE).filter(([who]) => who !== 'admin' && who !== 'staff')) {
			const { response, reached } = await through(eventFor('/(staff)/staff', '/staff', { user }));
			expect(reached, who).toBe(false);
			expect(response.status, who).toBe(user ? 403 : 303);
		}
		const { reached } = await through(eventFor('/(staff)/staff/admin/audit', '/staff/admin/audit', { user: PEOPLE.staff }));
		expect(reached).toBe(false);
	});

	it('runs the handler of what the table allows', async () => {
		const { response, reached } = await through(eventFor('/(staff)/staff', '/staff', { user: PEOPLE.staff }));
		expect(reached).toBe(true);
		expect(response.status).toBe(200);
	});
});

describe('userOf', () => {
	it('gives the logged-in person, and fails rather than go on as nobody', () => {
		const event = { route: { id: '/account' as const }, locals: { user: PEOPLE.volunteer, sessionId: null, requestId: 'test' } };
		expect(userOf(event)).toBe(PEOPLE.volunteer);
		expect(() => userOf({ ...event, locals: { ...event.locals, user: null } })).toThrow(/handleAccess should have refused/);
		// a route with a public rule has no such guarantee: reading the person there does not compile
		// @ts-expect-error '/login' is public
		expect(() => userOf({ route: { id: '/login' }, locals: event.locals })).not.toThrow();
	});
});
