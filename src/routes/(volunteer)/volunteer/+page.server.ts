import { authorizeLoad } from '$lib/server/auth/authorize';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorizeLoad(event);
	return {};
};
