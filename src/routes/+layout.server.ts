import { allows } from '$lib/auth/policy';
import { cachedCount } from '$lib/server/db/needs-action';
import type { LayoutServerLoad } from './$types';

// what the header shows, and who pages ask $lib/auth/policy.ts about (can) before they show
// a form or a link; who may see a page is decided by the server hook (authorize.ts). The
// staff's "needs action" count comes from this instance's memory (no request: see
// needs-action.ts for how old it may be).
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { displayName: locals.user.displayName, roles: locals.user.roles } : null,
	needsAction: locals.user && allows(['staff'], locals.user) ? cachedCount() : null
});
