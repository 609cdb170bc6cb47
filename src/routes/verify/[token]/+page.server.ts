import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import * as accounts from '$lib/server/auth/accounts';
import { refusal } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

// A GET only shows a button: mail scanners that open links must not use up the token.
export const load: PageServerLoad = async (event) => {
	return { valid: (await accounts.tokenIsUsable(event.params.token, ['verify_email', 'email_change'])) !== null };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		// the browser confirming a new address keeps its session; every other one ends
		const result = await accounts.useToken(event.params.token, ['verify_email', 'email_change'], {
			keepSession: user ? event.locals.sessionId : null
		});
		if (result !== 'ok') return refusal(m.link_invalid(), 400);
		redirect(303, user ? '/account?verified' : '/login?verified');
	}
};
