// The one place that decides whether a request may go on (rules in policy.ts): the server
// hooks ask it for every request (decide), and every load and action asks again.
// Anonymous on a protected page: to the login page and back afterwards. Logged in
// without the role: 403. Whatever the table does not name is refused.
import { error, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { SessionUser } from '$lib/server/db/sessions';
import { policies, type Rule } from './policy';

export type What = { load: true } | { action: string } | { endpoint: 'GET' | 'POST' };

export function allows(rule: Rule, user: SessionUser | null): boolean {
	if (rule === 'public') return true;
	if (!user) return false;
	if (rule === 'user') return true;
	return rule.some((role) => user.roles.includes(role) || (role === 'staff' && user.roles.includes('admin')));
}

export function ruleFor(routeId: string, what: What): Rule | undefined {
	const policy = policies[routeId];
	if (!policy) return undefined;
	if ('load' in what) return policy.load;
	if ('action' in what) return policy.actions?.[what.action];
	return policy.endpoints?.[what.endpoint];
}

type Event = Pick<RequestEvent, 'route' | 'locals' | 'url'>;

function enforce(event: Event, what: What): SessionUser | null {
	const routeId = event.route.id;
	const rule = routeId ? ruleFor(routeId, what) : undefined;
	// anything not written down is refused: a new route must be added to policy.ts
	if (!rule) error(403);
	const user = event.locals.user;
	if (allows(rule, user)) return user;
	if (!user) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	error(403);
}

/** in a page load: the user (null on a public page when not logged in) */
export const authorizeLoad = (event: Event) => enforce(event, { load: true });

/** in a form action */
export const authorizeAction = (event: Event, action = 'default') => enforce(event, { action });

/** in a load or action that only a logged-in person reaches: the user, never null */
export function requireUser(event: Event, what: What = { load: true }): SessionUser {
	const user = enforce(event, what);
	if (!user) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
	return user;
}

/**
 * What the server hooks do with a request, before anything answers it:
 * - allow: its rule in policy.ts lets this person in (or no route matched: SvelteKit's 404);
 * - login: the rule wants someone logged in and nobody is;
 * - forbid: logged in without the role, or nothing in policy.ts covers it (a route, form
 *   action or endpoint method left out of the table is refused, never let through);
 * - load-refuses: a page the person may not open (logged in, without the role): its load
 *   refuses it too and renders the app's error page, so the hook lets it render and answers
 *   403 itself if the page did not (a page without a load of its own, or one that forgot).
 */
export type Verdict = 'allow' | 'login' | 'forbid' | 'load-refuses';

type HookEvent = Event & Pick<RequestEvent, 'request' | 'isDataRequest'>;

/** the form action a POST to a page asks for, as SvelteKit reads it from `?/name` */
function actionOf(url: URL): string {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
	return 'default';
}

export function decide(event: HookEvent): Verdict {
	const routeId = event.route.id;
	// no route: SvelteKit answers 404 (a malformed id, src/params/) and no code of the app runs
	if (routeId === null) return 'allow';
	const policy = policies[routeId];
	if (!policy) return 'forbid';
	const method = event.request.method;
	const read = method === 'GET' || method === 'HEAD';
	// the rule of each kind of handler the route has for this request: its endpoint's for the
	// method, its page's for the load (GET) or the form action (POST). A route with both a page
	// and an endpoint needs both (SvelteKit picks one by the Accept header); none there today.
	const rules: (Rule | undefined)[] = [];
	if (policy.endpoints) rules.push(read ? policy.endpoints.GET : method === 'POST' ? policy.endpoints.POST : undefined);
	if (policy.load || policy.actions) rules.push(read ? policy.load : method === 'POST' ? policy.actions?.[actionOf(event.url)] : undefined);
	const written = rules.filter((rule) => rule !== undefined);
	if (rules.length === 0 || written.length < rules.length) return 'forbid';
	const user = event.locals.user;
	if (written.every((rule) => allows(rule, user))) return 'allow';
	if (!user) return 'login';
	// a full page the person may not open: the page's own refusal is the app's error page
	return read && !policy.endpoints && !event.isDataRequest ? 'load-refuses' : 'forbid';
}

/** the answer to a request the hook refuses */
export function refusal(event: HookEvent, verdict: 'login' | 'forbid'): Response {
	if (verdict === 'login') {
		const location = `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`;
		// a client-side navigation fetches the page's data: SvelteKit's own answer for a
		// redirect there, so the browser goes to the login page as it does when a load redirects
		if (event.isDataRequest)
			return new Response(JSON.stringify({ type: 'redirect', location }), {
				headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' }
			});
		return new Response(null, { status: 303, headers: { location } });
	}
	return new Response(m.forbidden(), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The server hook: every request is checked here before anything answers it, and refused
 * when the table does not name it. Endpoints have no load to check them; a page whose load
 * forgot its check is covered too. Pages check again in their loads and actions, which is
 * where a logged-in person without the role meets the app's error page.
 */
export const handleAccess: Handle = async ({ event, resolve }) => {
	const verdict = decide(event);
	if (verdict === 'allow') return resolve(event);
	if (verdict !== 'load-refuses') return refusal(event, verdict);
	const response = await resolve(event);
	return response.status === 403 ? response : refusal(event, 'forbid');
};

/** offering a dwelling or signing up for a task waits for a verified e-mail address */
export function requireVerified(user: SessionUser) {
	if (!user.emailVerified) error(403, 'unverified');
}
