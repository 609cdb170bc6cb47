import { z } from 'zod';
import { displayName, email, isOneLine } from './fields';

/** the pages an admin writes the text of, beside the app's own */
export const PAGES = ['landlords', 'volunteers'] as const;
export type Page = (typeof PAGES)[number];

// the municipality's contact details: on the about page, the pages for landlords and
// volunteers, and in every mail's footer. The CHECKs of 20261204130100 refuse the same.
export const contactSchema = z.object({
	name: displayName,
	phone: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, 'error_required')
		.max(40, 'error_too_long')
		.regex(/^[+\d ()-]+$/, 'error_phone'),
	email,
	address: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, 'error_required')
		.max(300, 'error_too_long')
		.refine(isOneLine, 'error_single_line')
});

// a page's text in each language: plain text, paragraphs split by a blank line; blank
// means the app's own text in that language
const body = z.string().max(20000, 'error_too_long').optional();
export const pageTextsSchema = z.object({
	page: z.enum(PAGES, 'error_invalid'),
	body_nn: body,
	body_nb: body,
	body_en: body,
	body_uk: body
});
