import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import {
	changeEmailSchema,
	changePasswordSchema,
	deleteAccountSchema,
	localeSchema,
	mailPreferencesSchema,
	staffDigestSchema,
	phoneSchema,
	resendSchema
} from '$lib/schemas/account';
import * as accounts from '$lib/server/auth/accounts';
import { userOf } from '$lib/server/auth/authorize';
import { passwordMessage } from '$lib/server/auth/password-policy';
import { deleteSessionCookie, invalidateAllSessions, setSessionCookie } from '$lib/server/auth/session';
import * as optOuts from '$lib/server/db/opt-outs';
import * as privacy from '$lib/server/db/privacy';
import * as users from '$lib/server/db/users';
import { invalid, refuseField, validate } from '$lib/server/form';
import { setLocaleCookie } from '$lib/server/locale';
import { categoriesFor, categoryName } from '$lib/server/mail/templates';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	return {
		account: {
			displayName: user.displayName,
			email: user.email,
			roles: user.roles,
			locale: user.locale,
			emailVerified: user.emailVerified
		},
		// a landlord's phone lives here (staff call it to book an inspection); volunteers keep theirs on their profile
		phone: user.roles.includes('landlord') ? await users.phoneOf(user.id) : null,
		// the mail that is not essential, of the kinds these roles get: wanted unless opted out
		// (the same rows the one-click unsubscribe writes)
		mail: await mailChoices(user.email, user.roles),
		// staff choose one mail per event or the morning digest of "needs action"
		digest: user.roles.includes('staff') || user.roles.includes('admin') ? await users.digestOf(user.id) : null,
		verified: event.url.searchParams.has('verified'),
		languageSaved: event.url.searchParams.has('language')
	};
};

async function mailChoices(email: string, roles: Parameters<typeof categoriesFor>[0]) {
	const optedOut = new Set(await optOuts.of(email));
	const locale = getLocale();
	return categoriesFor(roles).map((category) => {
		const name = categoryName(category, locale);
		return { category, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1), wanted: !optedOut.has(category) };
	});
}

export const actions: Actions = {
	password: async (event) => {
		const user = userOf(event);
		const form = await validate(changePasswordSchema, event.request, 'password');
		if (!form.valid) return invalid(form);
		const result = await accounts.changePassword(user, form.data.current_password, form.data.password);
		if (result === 'wrong_password') return refuseField(form, 'current_password', m.error_wrong_password());
		if ('weak' in result) return refuseField(form, 'password', passwordMessage(result.weak));
		// every other session ended with the new password: this browser has a fresh one
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		return { done: 'password' };
	},
	email: async (event) => {
		const user = userOf(event);
		const form = await validate(changeEmailSchema, event.request, 'email');
		if (!form.valid) return invalid(form);
		if (!(await accounts.passwordIsRight(user.id, form.data.current_password)))
			return refuseField(form, 'current_password', m.error_wrong_password());
		// the same answer whether or not the new address has an account (its owner is mailed then)
		await accounts.requestEmailChange(user, form.data.email);
		return { done: 'email' };
	},
	locale: async (event) => {
		const user = userOf(event);
		const form = await validate(localeSchema, event.request, 'locale');
		if (!form.valid) return invalid(form);
		await users.setLocale(user.id, form.data.locale);
		setLocaleCookie(event.cookies, form.data.locale);
		// a fresh request, so the page (and its confirmation) is in the new language
		redirect(303, '/account?language');
	},
	phone: async (event) => {
		const user = userOf(event);
		const form = await validate(phoneSchema, event.request, 'phone');
		if (!form.valid) return invalid(form);
		await users.setPhone(user.id, form.data.phone);
		return { done: 'phone' };
	},
	mail: async (event) => {
		const user = userOf(event);
		const form = await validate(mailPreferencesSchema, event.request, 'mail');
		if (!form.valid) return invalid(form);
		const shown = categoriesFor(user.roles);
		await optOuts.choose(
			user.id,
			shown,
			shown.filter((c) => !form.data.wanted.includes(c))
		);
		return { done: 'mail' };
	},
	digest: async (event) => {
		const user = userOf(event);
		const form = await validate(staffDigestSchema, event.request, 'digest');
		if (!form.valid) return invalid(form);
		await users.setDigest(user.id, form.data.digest === 'daily');
		return { done: 'digest' };
	},
	resend: async (event) => {
		const user = userOf(event);
		const form = await validate(resendSchema, event.request);
		if (!user.emailVerified) await accounts.resendVerification(user);
		// from a banner on another page (VerifyBanner): back to that page, which says it was sent
		if (form.valid && form.data.back) redirect(303, `${form.data.back}?resent`);
		return { done: 'resend' };
	},
	logoutEverywhere: async (event) => {
		const user = userOf(event);
		await invalidateAllSessions(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login?loggedout');
	},
	delete: async (event) => {
		const user = userOf(event);
		const form = await validate(deleteAccountSchema, event.request, 'delete');
		if (!form.valid) return invalid(form);
		if (!(await accounts.passwordIsRight(user.id, form.data.current_password)))
			return refuseField(form, 'current_password', m.error_wrong_password());
		await privacy.erase(user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/?deleted');
	}
};
