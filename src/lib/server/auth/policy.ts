// Who may do what: every route of the app, its page load, its form actions and its
// endpoints, with the roles allowed. authorize.ts enforces it for every request (from
// the server hooks) and again in every load and action; the authorisation matrix test
// fails when a route of the route tree is missing here.
import type { Role } from '$lib/roles';

/** public: anyone; user: anyone logged in; a list: those roles (admin counts as staff) */
export type Rule = 'public' | 'user' | readonly Role[];

export type RoutePolicy = {
	load?: Rule;
	actions?: Record<string, Rule>;
	endpoints?: Partial<Record<'GET' | 'POST', Rule>>;
};

export const policies: Record<string, RoutePolicy> = {
	'/': { load: 'public' },
	'/healthz': { endpoints: { GET: 'public' } },
	'/language': { endpoints: { POST: 'public' } },
	'/dev/mail': { load: 'public' },
	'/about': { load: 'public' },
	'/unsubscribe/[token]': { load: 'public', actions: { default: 'public' } },

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
			locale: 'user',
			resend: 'user',
			logoutEverywhere: 'user',
			delete: ['landlord', 'volunteer']
		}
	},
	'/account/data.json': { endpoints: { GET: ['landlord', 'volunteer'] } },

	'/availability/[token]/[answer=yes_no]': { load: 'public', actions: { default: 'public' } },
	'/task-invitation/[token]/[answer=accept_decline]': { load: 'public', actions: { default: 'public' } },

	'/(landlord)/landlord': { load: ['landlord'] },
	'/(landlord)/landlord/dwellings/new': { load: ['landlord'], actions: { save: ['landlord'], submit: ['landlord'] } },
	'/(landlord)/landlord/dwellings/[id=uuid]': {
		load: ['landlord'],
		actions: { save: ['landlord'], submit: ['landlord'], withdraw: ['landlord'], reoffer: ['landlord'] }
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
	'/(staff)/staff/reports': { load: ['staff'] },
	'/(staff)/staff/reports/settled.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/households.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/dwellings.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/reports/volunteer-hours.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/dwellings': { load: ['staff'] },
	'/(staff)/staff/dwellings/new': { load: ['staff'], actions: { save: ['staff'], submit: ['staff'] } },
	'/(staff)/staff/dwellings/[id=uuid]': { load: ['staff'], actions: { save: ['staff'], submit: ['staff'], review: ['staff'] } },
	'/(staff)/staff/households': { load: ['staff'] },
	'/(staff)/staff/households/new': { load: ['staff'], actions: { default: ['staff'] } },
	'/(staff)/staff/households/import': { load: ['staff'], actions: { default: ['staff'] } },
	'/(staff)/staff/households/template.csv': { endpoints: { GET: ['staff'] } },
	'/(staff)/staff/households/[id=uuid]': {
		load: ['staff'],
		actions: { propose: ['staff'], confirm: ['staff'], cancel: ['staff'], status: ['staff'], tasks: ['staff'] }
	},
	'/(staff)/staff/matching': { load: ['staff'], actions: { propose: ['staff'] } },
	'/(staff)/staff/districts': { load: ['staff'], actions: { save: ['staff'] } },
	'/(staff)/staff/tasks': { load: ['staff'], actions: { approve: ['staff'] } },
	'/(staff)/staff/volunteers': { load: ['staff'], actions: { certificate: ['staff'] } },
	'/(staff)/staff/volunteers/[id=uuid]': { load: ['staff'] },
	'/(staff)/staff/tasks/new': { load: ['staff'], actions: { default: ['staff'] } },
	'/(staff)/staff/tasks/[id=uuid]': { load: ['staff'], actions: { save: ['staff'], cancel: ['staff'], noshow: ['staff'] } },
	'/(staff)/staff/tasks/[id=uuid]/volunteers': { load: ['staff'], actions: { invite: ['staff'] } },
	'/(staff)/staff/outbox': { load: ['staff'], actions: { retry: ['staff'] } },
	'/(staff)/staff/admin/users': { load: ['admin'], actions: { invite: ['admin'] } },
	'/(staff)/staff/admin/settings': { load: ['admin'], actions: { save: ['admin'], matching: ['admin'], retention: ['admin'] } },
	'/(staff)/staff/admin/audit': { load: ['admin'] }
};
