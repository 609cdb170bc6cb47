import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { registerSchema } from '$lib/schemas/register';
import * as accounts from '$lib/server/auth/accounts';
import { passwordMessage } from '$lib/server/auth/password-policy';
import { invalid, refuse, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const role = event.url.searchParams.get('role');
	return { role: role === 'landlord' || role === 'volunteer' ? role : '' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await validate(registerSchema, event.request);
		if (!form.valid) return invalid(form);
		const { display_name, ...rest } = form.data;
		const result = await accounts.register({ ...rest, displayName: display_name, locale: getLocale() }, event.getClientAddress());
		if (typeof result === 'object') return refuseField(form, 'password', passwordMessage(result.weak));
		if (result === 'rate_limited') return refuse(form, m.error_rate_limited(), 429);
		// the same page whether or not the address already had an account (its owner got a mail)
		return { done: true, email: form.data.email };
	}
};
