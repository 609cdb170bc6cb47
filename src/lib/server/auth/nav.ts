// The links of each role's navigation, decided here on the server: each is shown when
// $lib/auth/policy.ts lets the person open it (the same table the hook decides by), with its
// label in the reader's language. The browser gets the finished list, so neither the policy
// table nor every role's link names are in every page's JavaScript (the page-weight budget:
// BENCHMARKS.md). The root layout's load runs once per full load, as does the language switch.
import { can, type PolicyRoute } from '$lib/auth/policy';
import type { NavItem } from '$lib/components/nav/RoleNav.svelte';
import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/roles';

type Link = { href: string; route: PolicyRoute; label: () => string; exact?: boolean; also?: string; counted?: boolean };

const LINKS: Link[] = [
	{ href: '/staff', route: '/(staff)/staff', label: m.nav_needs_action, exact: true, counted: true },
	{ href: '/staff/households', route: '/(staff)/staff/households', label: m.hh_title },
	{ href: '/staff/dwellings', route: '/(staff)/staff/dwellings', label: m.staff_dwellings_title },
	{ href: '/staff/matching', route: '/(staff)/staff/matching', label: m.nav_matching },
	{ href: '/staff/tasks', route: '/(staff)/staff/tasks', label: m.staff_tasks_link },
	{ href: '/staff/volunteers', route: '/(staff)/staff/volunteers', label: m.volunteers_title },
	{ href: '/staff/reports', route: '/(staff)/staff/reports', label: m.nav_reports },
	{ href: '/staff/admin/users', route: '/(staff)/staff/admin/users', label: m.staff_users_title },
	{ href: '/staff/admin/settings', route: '/(staff)/staff/admin/settings', label: m.settings_title },
	{ href: '/staff/admin/audit', route: '/(staff)/staff/admin/audit', label: m.privacy_audit_title },
	{ href: '/landlord', route: '/(landlord)/landlord', label: m.nav_my_dwellings, exact: true },
	{
		href: '/landlord#proposals',
		route: '/(landlord)/landlord/proposals/[id=uuid]',
		label: m.nav_proposals,
		exact: true,
		also: '/landlord/proposals/'
	},
	{ href: '/volunteer', route: '/(volunteer)/volunteer', label: m.vol_title, exact: true, also: '/volunteer/tasks/' },
	{ href: '/volunteer/profile', route: '/(volunteer)/volunteer/profile', label: m.profile_title }
];

/** the links this person may follow, in the current language; the first carries the count */
export function navFor(user: { roles: readonly Role[] } | null, needsAction: number | null = null): NavItem[] {
	return LINKS.filter((link) => can(user, link.route)).map(({ href, label, exact, also, counted }) => ({
		href,
		label: label(),
		...(exact ? { exact } : {}),
		...(also ? { also } : {}),
		...(counted ? { count: needsAction } : {})
	}));
}
