// Who may do what: every route of the app, its page load, its form actions and its
// endpoints, with the roles allowed. The server hook (src/lib/server/auth/authorize.ts)
// decides every request from this table before any load, action or endpoint runs, and
// pages ask it (can) before they show a form or a link, so both say the same. Nothing in
// it is secret: the browser's bundle names every route anyway. The keys are SvelteKit's
// route ids: a typo or a removed route fails `npm run check`; a route missing here is
// refused for everyone, and the authorisation matrix test names it.
import type { RouteId } from '$app/types';
import type { Role } from '$lib/roles';

/** public: anyone; user: anyone logged in; a list: those roles (admin counts as staff) */
export type Rule = 'public' | 'user' | readonly Role[];

export type Method = 'GET' | 'POST';

export type RoutePolicy = {
	readonly load?: Rule;
	readonly actions?: Readonly<Record<string, Rule>>;
	readonly endpoints?: Readonly<Partial<Record<Method, Rule>>>;
};

const table = {
	// the page the hook shows when it refuses a page (authorize.ts); nobody opens it themselves
	'/forbidden': { load: [] },

	'/': { load: 'public' },
	'/healthz': { endpoints: { GET: 'public' } },
	'/language': { endpoints: { POST: 'public' } },
	'/dev/mail': { load: 'public' },
	'/about': { load: 'public' },
	'/for-landlords': { load: 'public' },
	'/for-volunteers': { load: 'public' },
	'/unsubscribe/[token]': { load: 'public', actions: { unsubscribe: 'public', resubscribe: 'public' } },

	'/register': { load: 'public', actions: { default: 'public' } },
	'/login': { load: 'public', actions: { default: 'public' } },
	'/logout': { endpoints: { POST: 'public' } },
	'/verify/[token]': { load: 'public', actions: { default: 'public' } },
	'/reset': { load: 'public', actions: { default: 'public' } },
	'/reset/[token]': { load: 'public', actions: { default: 'public' } },
	'/invite/[token]': { load: 'public', actions: { default: 'public' } },
	'/account': {
		load: 'user',
		actions: {
			password: 'user',
			email: 'user',
			phone: ['landlord'],
			locale: 'user',
			mail: 'user',
			digest: ['staff'],
			resend: 'user',
			logoutEverywhere: 'user',
			delete: ['landlord', 'volunteer']
		}
	},
	'/account/data.json': { endpoints: { GET: ['landlord', 'volunteer'] } },
	// the address register's addresses like a typed one, for the offer form (landlords and staff)
	'/addresses/suggestions.json': { endpoints: { GET: ['landlord', 'staff'] } },
	'/photos/[id=uuid]/[size=photo_size]': { endpoints: { GET: ['landlord', 'staff'] } },

	'/availability/[token]/[answer=yes_no]': { load: 'public', actions: { default: 'public' } },
	'/task-invitation/[token]/[answer=accept_decline]': { load: 'public', actions: { default: 'public' } },

	'/(landlord)/landlord': { load: ['landlord'] },
	'/(landlord)/landlord/dwellings/new': { load: ['landlord'], actions: { save: ['landlord'], submit: ['landlord'] } },
	'/(landlord)/landlord/dwellings/[id=uuid]': {
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
	'/(landlord)/landlord/proposals/[id=uuid]': { load: ['landlord'], actions: { accept: ['landlord'], decline: ['landlord'] } },
	'/(volunteer)/volunteer': { load: ['volunteer'], actions: { calendar: ['volunteer'], calendarStop: ['volunteer'] } },
	// a volunteer's calendar feed: the secret address is the key (calendar apps cannot log in)
	'/calendar/[token].ics': { endpoints: { GET: 'public' } },
	'/(volunteer)/volunteer/profile': { load: ['volunteer'], actions: { default: ['volunteer'] } },
	'/(volunteer)/volunteer/tasks/[id=uuid]': {
		load: ['volunteer'],
		actions: { signup: ['volunteer'], withdraw: ['volunteer'], hours: ['volunteer'] }
	},
	'/(volunteer)/volunteer/tasks/[id=uuid]/calendar.ics': { endpoints: { GET: ['volunteer'] } },
	'/(staff)/staff': { load: ['staff'] },
	'/(staff)/staff/overview': { load: ['staff'] },
	'/(staff)/staff/reports': { load: ['staff'] },
	'/(staff)/staff/reports/settled.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/households.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/dwellings.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/volunteer-hours.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/transport': { load: ['staff'] },
	'/(staff)/staff/reports/transport.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/dwellings': { load: ['staff'] },
	'/(staff)/staff/dwellings/new': { load: ['staff'], actions: { save: ['staff'], submit: ['staff'] } },
	'/(staff)/staff/dwellings/[id=uuid]': {
		load: ['staff'],
		actions: {
			save: ['staff'],
			submit: ['staff'],
			review: ['staff'],
			inspect: ['staff'],
			place: ['staff'],
			photo_add: ['staff'],
			photo_caption: ['staff'],
			photo_up: ['staff'],
			photo_down: ['staff'],
			photo_remove: ['staff']
		}
	},
	'/(staff)/staff/households': { load: ['staff'] },
	'/(staff)/staff/households/new': { load: ['staff'], actions: { default: ['staff'] } },
	'/(staff)/staff/households/import': { load: ['staff'], actions: { default: ['staff'] } },
	'/(staff)/staff/households/template.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/households/[id=uuid]': {
		load: ['staff'],
		actions: {
			propose: ['staff'],
			confirm: ['staff'],
			cancel: ['staff'],
			status: ['staff'],
			tasks: ['staff'],
			reopen: ['staff'],
			caseworker: ['staff'],
			follow_up: ['staff'],
			follow_up_undo: ['staff']
		}
	},
	'/(staff)/staff/households/[id=uuid]/edit': { load: ['staff'], actions: { default: ['staff'] } },
	// the sheets to print
	'/(staff)/staff/households/[id=uuid]/sheet': { load: ['staff'] },
	'/(staff)/staff/households/[id=uuid]/lease': { load: ['staff'], actions: { save: ['staff'] } },
	'/(staff)/staff/tasks/[id=uuid]/sheet': { load: ['staff'] },
	'/(staff)/staff/matching': { load: ['staff'], actions: { propose: ['staff'] } },
	'/(staff)/staff/map': { load: ['staff'] },
	'/(staff)/staff/map/layers.json': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/districts': { load: ['staff'], actions: { save: ['staff'], localities: ['staff'], boundaries: ['admin'] } },
	'/(staff)/staff/tasks': { load: ['staff'], actions: { approve: ['staff'], correct: ['staff'], reject: ['staff'] } },
	'/(staff)/staff/volunteers': { load: ['staff'], actions: { certificate: ['staff'] } },
	'/(staff)/staff/volunteers/[id=uuid]': { load: ['staff'] },
	'/(staff)/staff/tasks/new': { load: ['staff'], actions: { default: ['staff'] } },
	'/(staff)/staff/tasks/[id=uuid]': { load: ['staff'], actions: { save: ['staff'], cancel: ['staff'], noshow: ['staff'] } },
	'/(staff)/staff/tasks/[id=uuid]/volunteers': { load: ['staff'], actions: { invite: ['staff'] } },
	'/(staff)/staff/outbox': { load: ['staff'], actions: { retry: ['staff'] } },
	// one search over households, dwellings, landlords and volunteers; its suggestions as JSON
	'/(staff)/staff/search': { load: ['staff'] },
	'/(staff)/staff/search/suggestions.json': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/admin/users': { load: ['admin'], actions: { invite: ['admin'], deactivate: ['admin'] } },
	'/(staff)/staff/admin/settings': {
		load: ['admin'],
		actions: { save: ['admin'], matching: ['admin'], inspection: ['admin'], retention: ['admin'], contact: ['admin'], texts: ['admin'] }
	},
	'/(staff)/staff/admin/audit': { load: ['admin'] },
	'/(staff)/staff/admin/follow-up': {
		load: ['admin'],
		actions: { add: ['admin'], save: ['admin'], up: ['admin'], down: ['admin'], retire: ['admin'] }
	},
	'/(staff)/staff/admin/grants': { load: ['admin'], actions: { save: ['admin'] } }
} as const satisfies { readonly [Route in RouteId]?: RoutePolicy };

export type PolicyRoute = keyof typeof table;

/** the table, to read by any route id (the tests walk it); its keys are checked above */
export const policies: Readonly<Record<string, RoutePolicy>> = table;

/** what a request asks of a route: its page (load), a form action, or an endpoint's method */
export type What = { load: true } | { action: string } | { endpoint: Method };

type Person = { readonly roles: readonly Role[] } | null;

export function allows(rule: Rule, person: Person): boolean {
	if (rule === 'public') return true;
	if (!person) return false;
	if (rule === 'user') return true;
	return rule.some((role) => person.roles.includes(role) || (role === 'staff' && person.roles.includes('admin')));
}

/** own keys only: `?/constructor` names no action, whatever Object.prototype holds */
const own = <T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
	table && Object.hasOwn(table, key) ? table[key] : undefined;

/** the route's policy, or undefined when the table does not name it */
export const policyOf = (routeId: string): RoutePolicy | undefined => own(policies, routeId);

/** the rule for one thing a route does, or undefined when the table does not name it */
export function ruleFor(routeId: string, what: What): Rule | undefined {
	const policy = policyOf(routeId);
	if (!policy) return undefined;
	if ('load' in what) return policy.load;
	if ('action' in what) return own(policy.actions, what.action);
	return own(policy.endpoints, what.endpoint);
}

type Policy<R extends PolicyRoute> = (typeof table)[R];
type ActionOf<R extends PolicyRoute> = Policy<R> extends { actions: infer A } ? keyof A & string : never;
type EndpointOf<R extends PolicyRoute> = Policy<R> extends { endpoints: infer E } ? keyof E & Method : never;

/**
 * May this person (the layout's `data.user`, null when nobody is logged in) open the route's
 * page, or use one of its form actions or endpoints? Pages ask before they show a form or a
 * link, with the same table the hook enforces.
 */
export function can<R extends PolicyRoute>(
	person: Person,
	route: R,
	what: { load: true } | { action: ActionOf<R> } | { endpoint: EndpointOf<R> } = { load: true }
): boolean {
	const rule = ruleFor(route, what);
	return rule !== undefined && allows(rule, person);
}

/**
 * Does a link to the route's page lead somewhere for this person: they may open it, or
 * nobody is logged in yet and the login page leads there (it is for someone)?
 */
export function leadsSomewhere(person: Person, route: PolicyRoute): boolean {
	const rule = ruleFor(route, { load: true });
	if (rule === undefined) return false;
	return person ? allows(rule, person) : rule === 'public' || rule === 'user' || rule.length > 0;
}

type RulesOf<P> =
	| (P extends { load: infer L } ? L : never)
	| (P extends { actions: infer A } ? A[keyof A] : never)
	| (P extends { endpoints: infer E } ? E[keyof E] : never);

/** the routes where no rule is public: whatever runs there runs for someone logged in */
export type LoggedInRoute = { [R in PolicyRoute]: 'public' extends RulesOf<Policy<R>> ? never : R }[PolicyRoute];
