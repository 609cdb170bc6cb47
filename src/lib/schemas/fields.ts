// Fields several forms share. Error texts are message keys, translated by the server
// (src/lib/server/forms.ts) into the reader's language.
import { z } from 'zod';
import { passwordProblem } from '$lib/password-policy';
import { locales } from '$lib/paraglide/runtime';

export const email = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, 'error_required')
	.max(254, 'error_email_invalid')
	.pipe(z.email('error_email_invalid'));

export const displayName = z.string({ error: 'error_required' }).trim().min(1, 'error_name_required').max(200, 'error_too_long');

/** a new password: the policy's rules */
export const newPassword = z.string({ error: 'error_required' }).superRefine((value, ctx) => {
	const problem = passwordProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: `error_password_${problem}` });
});

/** a password typed to prove who one is: anything non-empty, checked against the hash */
export const currentPassword = z.string({ error: 'error_required' }).min(1, 'error_required').max(1024, 'error_too_long');

export const locale = z.enum(locales, 'error_invalid');

/** a new password typed twice */
export const newPasswordTwice = z
	.object({ password: newPassword, password_confirm: z.string({ error: 'error_required' }) })
	.refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], message: 'error_password_mismatch' });

/** after logging in: a page of this site only */
export const redirectTo = z
	.string()
	.regex(/^\/(?![/\\])/)
	.optional()
	.catch(undefined);
