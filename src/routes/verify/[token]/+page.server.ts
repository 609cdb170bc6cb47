import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { homeFor } from '$lib/roles';
import * as accounts from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/session';
import { boundBrowser, forgetBrowser } from '$lib/server/auth/verify-browser';
import { refusal } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

// A GET only shows a button: mail scanners that open links must not use up the token.
export const load: PageServerLoad = async (event) => {
	return { valid: (await accounts.tokenIsUsable(event.params.token, ['verify_email', 'email_change'])) !== null };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		// the browser that registered for this link (its cookie, verify-browser.ts) is logged in
		// and taken where it was going; any other browser only verifies the address
		const bound = user ? null : boundBrowser(event.cookies, event.url, event.params.token);
		// the browser confirming a new address keeps its session; every other one ends
		const result = await accounts.verifyAddress(event.params.token, {
			keepSession: user ? event.locals.sessionId : null,
			logIn: bound !== null
		});
		if (result === 'invalid') return refusal(m.link_invalid(), 400);
		if (bound) forgetBrowser(event.cookies, event.url);
		if (result.session) {
			setSessionCookie(event.cookies, event.url, result.session.token, result.session.expiresAt);
			redirect(303, bound?.next ?? homeFor(result.session.roles));
		}
		redirect(303, user ? '/account?verified' : '/login?verified');
	}
};
