import type { LayoutServerLoad } from './$types';

// what the header shows; who may see a page is decided in each page's own load
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { displayName: locals.user.displayName, roles: locals.user.roles } : null
});
