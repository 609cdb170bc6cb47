// Fields several forms share. Error texts are message keys, translated by the server
// (src/lib/server/form.ts) into the reader's language.
import { z } from 'zod';
import { lengthProblem } from '$lib/password-policy';
import { locales } from '$lib/paraglide/runtime';

export const email = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, 'error_required')
	.max(254, 'error_email_invalid')
	.pipe(z.email('error_email_invalid'));

// line breaks, tabs and other control characters, unicode line and paragraph separators,
// and bidi embeddings, overrides and isolates (which make a text read otherwise than it
// is): never in a name or an address, which reach other people's mail. The CHECK
// constraints of migration 20261201100000_account_limits.sql refuse the same characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

export const isOneLine = (value: string) => !NOT_ONE_LINE.test(value);

export const displayName = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, 'error_name_required')
	.max(200, 'error_too_long')
	.refine(isOneLine, 'error_single_line');

/** a new password: its length here; the server checks the rest with the person's address and
 * name ($lib/server/auth/password-policy.ts) */
export const newPassword = z.string({ error: 'error_required' }).superRefine((value, ctx) => {
	const problem = lengthProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: `error_password_${problem}` });
});

/** a password typed to prove who one is: anything non-empty, checked against the hash */
export const currentPassword = z.string({ error: 'error_required' }).min(1, 'error_required').max(1024, 'error_too_long');

export const locale = z.enum(locales, 'error_invalid');

/** a new password typed twice */
export const newPasswordTwice = z
	.object({ password: newPassword, password_confirm: z.string({ error: 'error_required' }) })
	.refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], message: 'error_password_mismatch' });

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const asNumber = (v: unknown) => (typeof v === 'string' ? Number(v.replace(/\s/g, '')) : v);
const wholeIn = (min: number, max: number) =>
	z.number('error_number').int('error_number').min(min, `error_number_range:${min}:${max}`).max(max, `error_number_range:${min}:${max}`);

/** a whole number typed into a text or number field ("9 500" too); blank takes `fallback`, else is an error */
export const wholeNumber = (min: number, max: number, fallback?: number) =>
	z.preprocess((v) => (blank(v) ? fallback : asNumber(v)), wholeIn(min, max));

/** the same, where blank means "not given" */
export const optionalWholeNumber = (min: number, max: number) =>
	z.preprocess((v) => (blank(v) ? undefined : asNumber(v)), wholeIn(min, max).optional());

/** a checkbox (present means yes); a CSV cell may say ja / yes / true / 1 */
export const checkbox = z.preprocess((v) => v === true || ['on', 'true', 'ja', 'yes', '1'].includes(String(v)), z.boolean());

/**
 * One of a radio group's choices, which must be made: a group nobody ticked sends nothing,
 * and superforms would then fill in its first choice (a review without a decision approved
 * the offer). Optional to superforms, so it fills in nothing; refused here when missing.
 */
export const chosen = <const T extends readonly [string, ...string[]]>(values: T, message = 'error_choose') =>
	z
		.enum(values, message)
		.optional()
		.refine((v) => v !== undefined, message)
		// refused above when missing, so what passes is one of the values
		.transform((v) => v as T[number]);

/**
 * a day as the database's DATE checks take it, 2000 to 2100 (inspections, leases): a typed
 * 0202 is a message at the field here, not a refused row and a 500 there
 */
export const day = z.iso.date('error_date').refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'error_date_range');
/** the same, or blank */
export const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), day.optional());
