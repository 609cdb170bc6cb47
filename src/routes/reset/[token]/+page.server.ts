import { choosePassword, loadPasswordLink } from '$lib/server/auth/password-link';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPasswordLink(event, 'password_reset');

export const actions: Actions = { default: (event) => choosePassword(event, 'password_reset') };
