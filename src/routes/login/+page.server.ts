import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { homeFor } from '$lib/roles';
import { loginSchema } from '$lib/schemas/login';
import * as accounts from '$lib/server/auth/accounts';
import { authorizeAction, authorizeLoad } from '$lib/server/auth/authorize';
import { setSessionCookie } from '$lib/server/auth/session';
import { readForm, typedValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['verified', 'reset', 'loggedout'] as const;

export const load: PageServerLoad = (event) => {
	const user = authorizeLoad(event);
	if (user) redirect(303, homeFor(user.roles));
	const notice = NOTICES.find((n) => event.url.searchParams.has(n)) ?? null;
	return { notice, redirectTo: event.url.searchParams.get('redirectTo') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		authorizeAction(event);
		const formData = await event.request.formData();
		const form = readForm(loginSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await accounts.login(form.data.email, form.data.password, event.getClientAddress());
		if (result === 'rate_limited') return fail(429, { values: typedValues(formData), errors: { form: m.error_rate_limited() } });
		if (result === 'failed') return fail(400, { values: typedValues(formData), errors: { form: m.error_login_failed() } });
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, form.data.redirectTo ?? homeFor(result.user.roles));
	}
};
