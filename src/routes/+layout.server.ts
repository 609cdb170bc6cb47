import { allows } from '$lib/auth/policy';
import { navFor } from '$lib/server/auth/nav';
import { cachedCount } from '$lib/server/db/needs-action';
import type { LayoutServerLoad } from './$types';

// what the header shows: the role's links, decided and named on the server (auth/nav.ts);
// the user, whom pages ask $lib/auth/policy.ts about (can) before they show a form or a link;
// who may see a page is decided by the server hook (authorize.ts). The staff's "needs
// action" count comes from this instance's memory (no request: see needs-action.ts for how
// old it may be).
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user ? { displayName: locals.user.displayName, roles: locals.user.roles } : null;
	const staff = user !== null && allows(['staff'], user);
	return { user, staff, nav: navFor(user, staff ? cachedCount() : null) };
};
