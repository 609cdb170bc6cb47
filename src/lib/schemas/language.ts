import { z } from 'zod';
import { locales } from '$lib/paraglide/runtime';

// the language switcher: which language, and the page to come back to (same site only)
export const languageSchema = z.object({
	locale: z.enum(locales),
	redirect_to: z
		.string()
		.regex(/^\/(?![/\\])/)
		.catch('/')
});
