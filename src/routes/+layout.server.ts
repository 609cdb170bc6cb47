import type { LayoutServerLoad } from './$types';

// what the header shows, and who pages ask $lib/auth/policy.ts about (can) before they show
// a form or a link; who may see a page is decided by the server hook (authorize.ts)
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { displayName: locals.user.displayName, roles: locals.user.roles } : null
});
