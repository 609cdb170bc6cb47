import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { homeFor } from '$lib/roles';
import { loginSchema } from '$lib/schemas/login';
import * as accounts from '$lib/server/auth/accounts';
import { sameOriginPath } from '$lib/server/auth/redirect-target';
import { setSessionCookie } from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { readForm, typedValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['verified', 'reset', 'loggedout'] as const;

export const load: PageServerLoad = (event) => {
	const user = event.locals.user;
	if (user) redirect(303, homeFor(user.roles));
	const notice = NOTICES.find((n) => event.url.searchParams.has(n)) ?? null;
	return { notice, redirectTo: sameOriginPath(event.url.searchParams.get('redirectTo'), config().ORIGIN) ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await event.request.formData();
		// the page to go back to is read apart: whatever it holds, it never stops a login
		const target = sameOriginPath(formData.get('redirectTo'), config().ORIGIN);
		formData.delete('redirectTo');
		const form = readForm(loginSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await accounts.login(form.data.email, form.data.password, event.getClientAddress());
		if (result === 'rate_limited') return fail(429, { values: typedValues(formData), errors: { form: m.error_rate_limited() } });
		if (result === 'failed') return fail(400, { values: typedValues(formData), errors: { form: m.error_login_failed() } });
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, target ?? homeFor(result.user.roles));
	}
};
