import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { registerSchema } from '$lib/schemas/register';
import * as accounts from '$lib/server/auth/accounts';
import { passwordMessage } from '$lib/server/auth/password-policy';
import { sameOriginPath } from '$lib/server/auth/redirect-target';
import { bindBrowser } from '$lib/server/auth/verify-browser';
import { config } from '$lib/server/config';
import { invalid, refuse, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const role = event.url.searchParams.get('role');
	return {
		role: role === 'landlord' || role === 'volunteer' ? role : '',
		// where the newcomer was going ("Offer a home": the new offer), a path on this site only
		next: sameOriginPath(event.url.searchParams.get('next'), config().ORIGIN) ?? ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		// read apart, as the login's redirectTo: whatever it holds, it never stops a registration
		const next = formData.get('next');
		formData.delete('next');
		const form = await validate(registerSchema, formData);
		if (!form.valid) return invalid(form);
		const { display_name, ...rest } = form.data;
		const result = await accounts.register({ ...rest, displayName: display_name, locale: getLocale() }, event.getClientAddress());
		if (result === 'rate_limited') return refuse(form, m.error_rate_limited(), 429);
		if (!('tokenId' in result)) return refuseField(form, 'password', passwordMessage(result.weak));
		// the link opened in this browser logs the newcomer in and takes them on (verify-browser.ts)
		bindBrowser(event.cookies, event.url, result.tokenId, next);
		// the same page whether or not the address already had an account (its owner got a mail)
		return { done: true, email: form.data.email };
	}
};
