import { authorizeLoad } from '$lib/server/auth/authorize';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = authorizeLoad(event)!;
	return { isAdmin: user.roles.includes('admin') };
};
