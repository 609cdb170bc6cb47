// The one place that decides whether a request may go on (rules in policy.ts).
// Anonymous on a protected page: to the login page and back afterwards. Logged in
// without the role: 403.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
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
 * For the server hooks, on every request to an endpoint (+server.ts), which has no load
 * to check it: a response refusing the request, or null to let it through. Pages are
 * checked in their loads and actions, so a refusal renders the app's error page.
 */
export function refuseEndpoint(event: Event & Pick<RequestEvent, 'request'>): Response | null {
	const routeId = event.route.id;
	if (!routeId || !policies[routeId]?.endpoints) return null;
	const rule = ruleFor(routeId, { endpoint: event.request.method === 'GET' || event.request.method === 'HEAD' ? 'GET' : 'POST' });
	if (rule && allows(rule, event.locals.user)) return null;
	if (rule && !event.locals.user) return new Response(null, { status: 303, headers: { location: '/login' } });
	return new Response(m.forbidden(), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** offering a dwelling or signing up for a task waits for a verified e-mail address */
export function requireVerified(user: SessionUser) {
	if (!user.emailVerified) error(403, 'unverified');
}
