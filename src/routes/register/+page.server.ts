import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { registerSchema } from '$lib/schemas/register';
import * as accounts from '$lib/server/auth/accounts';
import { passwordMessage } from '$lib/server/auth/password-policy';
import { readForm, typedValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const role = event.url.searchParams.get('role');
	return { role: role === 'landlord' || role === 'volunteer' ? role : '' };
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		const form = readForm(registerSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { display_name, ...rest } = form.data;
		const result = await accounts.register({ ...rest, displayName: display_name, locale: getLocale() }, event.getClientAddress());
		if (typeof result === 'object') return fail(400, { values: typedValues(formData), errors: { password: passwordMessage(result.weak) } });
		if (result === 'rate_limited') return fail(429, { values: typedValues(formData), errors: { form: m.error_rate_limited() } });
		// the same page whether or not the address already had an account (its owner got a mail)
		return { done: true, email: form.data.email };
	}
};
