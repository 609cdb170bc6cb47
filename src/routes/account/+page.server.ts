import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, localeSchema } from '$lib/schemas/account';
import * as accounts from '$lib/server/auth/accounts';
import { userOf } from '$lib/server/auth/authorize';
import { passwordMessage } from '$lib/server/auth/password-policy';
import { deleteSessionCookie, invalidateAllSessions, setSessionCookie } from '$lib/server/auth/session';
import * as privacy from '$lib/server/db/privacy';
import * as users from '$lib/server/db/users';
import { readForm, typedValues } from '$lib/server/forms';
import { setLocaleCookie } from '$lib/server/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = userOf(event);
	return {
		account: {
			displayName: user.displayName,
			email: user.email,
			roles: user.roles,
			locale: user.locale,
			emailVerified: user.emailVerified
		},
		verified: event.url.searchParams.has('verified'),
		languageSaved: event.url.searchParams.has('language')
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = userOf(event);
		const form = readForm(changePasswordSchema, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'password', errors: form.errors });
		const result = await accounts.changePassword(user, form.data.current_password, form.data.password);
		if (result === 'wrong_password') return fail(400, { form: 'password', errors: { current_password: m.error_wrong_password() } });
		if ('weak' in result) return fail(400, { form: 'password', errors: { password: passwordMessage(result.weak) } });
		// every other session ended with the new password: this browser has a fresh one
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		return { form: 'password', done: true };
	},
	email: async (event) => {
		const user = userOf(event);
		const formData = await event.request.formData();
		const form = readForm(changeEmailSchema, formData);
		if (!form.ok) return fail(400, { form: 'email', values: form.values, errors: form.errors });
		if (!(await accounts.passwordIsRight(user.id, form.data.current_password)))
			return fail(400, { form: 'email', values: typedValues(formData), errors: { current_password: m.error_wrong_password() } });
		// the same answer whether or not the new address has an account (its owner is mailed then)
		await accounts.requestEmailChange(user, form.data.email);
		return { form: 'email', done: true };
	},
	locale: async (event) => {
		const user = userOf(event);
		const form = readForm(localeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'locale', errors: form.errors });
		await users.setLocale(user.id, form.data.locale);
		setLocaleCookie(event.cookies, form.data.locale);
		// a fresh request, so the page (and its confirmation) is in the new language
		redirect(303, '/account?language');
	},
	resend: async (event) => {
		const user = userOf(event);
		if (!user.emailVerified) await accounts.resendVerification(user);
		return { form: 'resend', done: true };
	},
	logoutEverywhere: async (event) => {
		const user = userOf(event);
		await invalidateAllSessions(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login?loggedout');
	},
	delete: async (event) => {
		const user = userOf(event);
		const form = readForm(deleteAccountSchema, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'delete', errors: form.errors });
		if (!(await accounts.passwordIsRight(user.id, form.data.current_password)))
			return fail(400, { form: 'delete', errors: { current_password: m.error_wrong_password() } });
		await privacy.erase(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/?deleted');
	}
};
