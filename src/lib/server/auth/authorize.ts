// The one place that decides whether a request may go on. The server hook (handleAccess,
// last in src/hooks.server.ts's sequence) asks decide() for every request — from the route
// id, the method and the form action (`?/name`, or `default`), with the rules of
// $lib/auth/policy.ts — before any load, action or endpoint runs, and answers the refusal
// itself: anonymous to the login page and back afterwards, logged in without the role 403
// (a page gets the app's error page). Whatever the table does not name is refused. Loads,
// actions and endpoints never check again: they read the person with userOf().
import { error, type Handle, type RequestEvent } from '@sveltejs/kit';
import { allows, policyOf, type LoggedInRoute, type Rule } from '$lib/auth/policy';
import { m } from '$lib/paraglide/messages';
import type { SessionUser } from '$lib/server/db/sessions';

/**
 * What the hook does with a request, before anything answers it:
 * - allow: its rules in policy.ts let this person in (or no route matched: SvelteKit's 404);
 * - login: a rule wants someone logged in and nobody is;
 * - forbid: logged in without the role, or nothing in policy.ts covers it (a route, form
 *   action or endpoint method left out of the table is refused, never let through).
 */
export type Verdict = 'allow' | 'login' | 'forbid';

type HookEvent = Pick<RequestEvent, 'route' | 'locals' | 'url' | 'request' | 'isDataRequest' | 'isSubRequest' | 'fetch'>;

/** the route whose load fails with 403, so that SvelteKit renders the app's error page */
const REFUSAL_PAGE = '/forbidden';

/**
 * The form action a POST to a page asks for, as SvelteKit reads it from `?/name`; null for
 * `?/default` by name, which SvelteKit answers with a 500 rather than run the default.
 */
function actionOf(url: URL): string | null {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key === '/default' ? null : key.slice(1);
	return 'default';
}

export function decide(event: HookEvent): Verdict {
	const routeId = event.route.id;
	// no route: SvelteKit answers 404 (a malformed id, src/params/) and no code of the app runs
	if (routeId === null) return 'allow';
	// the refusal page, asked for by this hook itself (below); from outside nobody may open it
	if (routeId === REFUSAL_PAGE && event.isSubRequest) return 'allow';
	const policy = policyOf(routeId);
	if (!policy) return 'forbid';
	const method = event.request.method;
	const read = method === 'GET' || method === 'HEAD';
	// the rule of each kind of handler the route has for this request: its endpoint's for the
	// method, its page's for the load (GET) or the form action (POST). A route with both a page
	// and an endpoint needs both (SvelteKit picks one by the Accept header); none there today.
	const rules: (Rule | undefined)[] = [];
	if (policy.endpoints) rules.push(read ? policy.endpoints.GET : method === 'POST' ? policy.endpoints.POST : undefined);
	if (policy.load || policy.actions) {
		const action = method === 'POST' ? actionOf(event.url) : null;
		const actions = policy.actions;
		rules.push(read ? policy.load : actions && action !== null && Object.hasOwn(actions, action) ? actions[action] : undefined);
	}
	const written = rules.filter((rule) => rule !== undefined);
	if (rules.length === 0 || written.length < rules.length) return 'forbid';
	const user = event.locals.user;
	if (written.every((rule) => allows(rule, user))) return 'allow';
	return user ? 'forbid' : 'login';
}

/** a POST from use:enhance (or any client that does not ask for HTML): SvelteKit answers it with JSON */
const wantsJson = (event: HookEvent) => event.request.method === 'POST' && !/text\/html/.test(event.request.headers.get('accept') ?? '');

const json = (body: unknown, status: number) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** the answer to a request the hook refuses, in the form the asker understands */
export async function refusal(event: HookEvent, verdict: 'login' | 'forbid'): Promise<Response> {
	const policy = event.route.id === null ? undefined : policyOf(event.route.id);
	const page = !policy?.endpoints;
	if (verdict === 'login') {
		const location = `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`;
		// what SvelteKit itself answers when a load or action redirects: the browser then goes
		// to the login page, after a client-side navigation or a use:enhance form too
		if (event.isDataRequest) return json({ type: 'redirect', location }, 200);
		if (page && wantsJson(event)) return json({ type: 'redirect', status: 303, location }, 200);
		return new Response(null, { status: 303, headers: { location } });
	}
	// a client-side navigation and a use:enhance form show the error page from this JSON
	if (event.isDataRequest) return json({ message: m.forbidden() }, 403);
	if (page && wantsJson(event)) return json({ type: 'error', error: { message: m.forbidden() } }, 403);
	if (page) {
		// a full page: the app's error page, in its layout. SvelteKit renders +error.svelte only
		// for a failing load, never for a hook (issue sveltejs/kit#7272), so the hook renders the
		// refusal page's instead: its load fails with 403 and no load of the refused page runs.
		const shown = await event.fetch(REFUSAL_PAGE, { headers: { accept: 'text/html', 'x-request-id': event.locals.requestId } });
		if (shown.status === 403)
			return new Response(event.request.method === 'HEAD' ? null : shown.body, { status: 403, headers: new Headers(shown.headers) });
	}
	return new Response(m.forbidden(), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The server hook: every request is decided here, before any load, action or endpoint runs. */
export const handleAccess: Handle = async ({ event, resolve }) => {
	const verdict = decide(event);
	return verdict === 'allow' ? resolve(event) : refusal(event, verdict);
};

/**
 * The logged-in person, in a load, action or endpoint of a route where no rule is public:
 * the hook let nobody else through. Typed by the route, so a public route cannot use it.
 */
export function userOf(event: { route: { id: LoggedInRoute }; locals: App.Locals }): SessionUser {
	const user = event.locals.user;
	// only a bug in the hook gets here: fail, never go on as nobody
	if (!user) throw new Error(`${event.route.id} ran without a logged-in person: handleAccess should have refused it`);
	return user;
}

/** offering a dwelling or signing up for a task waits for a verified e-mail address */
export function requireVerified(user: SessionUser) {
	if (!user.emailVerified) error(403, 'unverified');
}
