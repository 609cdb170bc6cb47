import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { homeFor } from '$lib/roles';
import { loginSchema } from '$lib/schemas/login';
import * as accounts from '$lib/server/auth/accounts';
import { sameOriginPath } from '$lib/server/auth/redirect-target';
import { setSessionCookie } from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { invalid, refuse, validate } from '$lib/server/form';
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
		const form = await validate(loginSchema, formData);
		if (!form.valid) return invalid(form);
		const result = await accounts.login(form.data.email, form.data.password, event.getClientAddress());
		if (result === 'rate_limited') return refuse(form, m.error_rate_limited(), 429);
		if (result === 'failed') return refuse(form, m.error_login_failed(), 400);
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, target ?? homeFor(result.user.roles));
	}
};
