// Which language a page is in: the logged-in person's saved setting, else the switcher's
// cookie, else the browser's Accept-Language, else Nynorsk. Paraglide knows the last three
// (strategy in package.json and vite.config.ts); the first is the custom strategy here.
import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, defineCustomServerStrategy, type Locale } from '$lib/paraglide/runtime';

// the request → the person's setting, filled by hooks.server.ts once the session is known
const savedLocales = new WeakMap<Request, Locale>();

defineCustomServerStrategy('custom-user', {
	getLocale: (request) => (request ? savedLocales.get(request) : undefined)
});

/** the page for this request follows the person's saved language */
export function useSavedLocale(request: Request, locale: Locale) {
	savedLocales.set(request, locale);
}

/** remember a choice in the cookie Paraglide reads (on the server and in the browser) */
export function setLocaleCookie(cookies: Cookies, locale: Locale) {
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		sameSite: 'lax',
		// Paraglide's client runtime reads the choice too
		httpOnly: false
	});
}
