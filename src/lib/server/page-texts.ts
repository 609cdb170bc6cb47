// The public pages whose text an admin writes (for landlords, for volunteers): the admin's
// text in the reader's language, else the app's own in that language (messages/*.json).
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Page } from '$lib/schemas/municipality';
import * as municipality from '$lib/server/db/municipality';

/** the app's own text of a page in a language */
export function defaultText(page: Page, locale: Locale): string {
	return (page === 'landlords' ? m.for_landlords_default : m.for_volunteers_default)({}, { locale });
}

/** what the page shows: its text and the municipality's contact details */
export async function pageFor(page: Page, locale: Locale) {
	const [text, contact] = await Promise.all([municipality.pageText(page, locale), municipality.contact()]);
	return { text: text ?? defaultText(page, locale), contact };
}
