import { z } from 'zod';
import type { Locale } from '$lib/paraglide/runtime';
import type { Page } from '$lib/schemas/municipality';
import { db } from './client';
import { shape } from './shape';

export type Contact = { name: string | null; phone: string | null; email: string | null; address: string | null };

const contactShape = z.object({
	name: z.string().nullable(),
	phone: z.string().nullable(),
	email: z.string().nullable(),
	address: z.string().nullable()
});

/** the municipality's name and contact details (any of them null until an admin gives them) */
export async function contact(): Promise<Contact> {
	const { data, error } = await db().rpc('municipality_contact');
	if (error) throw new Error(`reading the municipality's contact details: ${error.message}`);
	return shape('municipality_contact', contactShape, data);
}

export async function saveContact(c: { name: string; phone: string; email: string; address: string }): Promise<void> {
	const { error } = await db().rpc('save_municipality_contact', {
		p_name: c.name,
		p_phone: c.phone,
		p_email: c.email,
		p_address: c.address
	});
	if (error) throw new Error(`saving the municipality's contact details: ${error.message}`);
}

const forSettingsShape = z.object({
	contact: contactShape,
	texts: z.array(z.object({ page: z.string(), locale: z.string(), body: z.string() }))
});

/** the contact details and, per page, the texts an admin wrote by language (a language
 * without one is missing): what the admin's settings page shows, in one read */
export async function forSettings(): Promise<{ contact: Contact; texts: (page: Page) => Partial<Record<Locale, string>> }> {
	const { data, error } = await db().rpc('municipality_for_settings');
	if (error) throw new Error(`reading the municipality's contact details and page texts: ${error.message}`);
	const { contact, texts } = shape('municipality_for_settings', forSettingsShape, data);
	return {
		contact,
		texts: (page) => Object.fromEntries(texts.filter((t) => t.page === page).map((t) => [t.locale, t.body]))
	};
}

/** a page's text in one language, or null for the app's own */
export async function pageText(page: Page, locale: Locale): Promise<string | null> {
	const { data, error } = await db().from('page_texts').select('body').eq('page', page).eq('locale', locale).maybeSingle();
	if (error) throw new Error(`reading the text of ${page}: ${error.message}`);
	return data?.body ?? null;
}

/** every language's text of a page at once; blank goes back to the app's own */
export async function savePageTexts(page: Page, texts: Partial<Record<Locale, string>>): Promise<void> {
	const { error } = await db().rpc('save_page_texts', { p_page: page, p_texts: texts });
	if (error) throw new Error(`saving the texts of ${page}: ${error.message}`);
}
