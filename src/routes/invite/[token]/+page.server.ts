import { choosePassword, loadPasswordLink } from '$lib/server/auth/password-link';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPasswordLink(event, 'staff_invite');

export const actions: Actions = { default: (event) => choosePassword(event, 'staff_invite') };
