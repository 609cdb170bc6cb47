import { redirect } from '@sveltejs/kit';
import { languageSchema } from '$lib/schemas/language';
import * as users from '$lib/server/db/users';
import { setLocaleCookie } from '$lib/server/locale';
import type { RequestHandler } from './$types';

// The language switcher posts here, so it works without JavaScript: remember the
// choice in the cookie Paraglide reads, and go back to the page the person was on.
// A logged-in person's saved setting wins over the cookie, so it changes too.
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = Object.fromEntries(await request.formData());
	const parsed = languageSchema.safeParse(form);
	if (parsed.success) {
		setLocaleCookie(cookies, parsed.data.locale);
		if (locals.user) await users.setLocale(locals.user.id, parsed.data.locale);
	}
	redirect(303, parsed.success ? parsed.data.redirect_to : '/');
};
