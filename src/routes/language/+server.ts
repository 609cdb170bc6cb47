import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { languageSchema } from '$lib/schemas/language';
import type { RequestHandler } from './$types';

// The language switcher posts here, so it works without JavaScript: remember the
// choice in the cookie Paraglide reads, and go back to the page the person was on.
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = Object.fromEntries(await request.formData());
	const parsed = languageSchema.safeParse(form);
	if (parsed.success) {
		cookies.set(cookieName, parsed.data.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			// Paraglide's client runtime reads the choice too
			httpOnly: false
		});
	}
	redirect(303, parsed.success ? parsed.data.redirect_to : '/');
};
