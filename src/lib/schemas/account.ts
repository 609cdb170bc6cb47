import { z } from 'zod';
import { MAIL_CATEGORIES } from './choices';
import { currentPassword, email, locale, newPassword } from './fields';

export const changePasswordSchema = z
	.object({ current_password: currentPassword, password: newPassword, password_confirm: z.string({ error: 'error_required' }) })
	.refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], message: 'error_password_mismatch' });

export const changeEmailSchema = z.object({ email, current_password: currentPassword });

export const localeSchema = z.object({ locale });

export const deleteAccountSchema = z.object({ current_password: currentPassword });

// a landlord's phone, which staff call to book the inspection: required before an offer is
// sent in (the database refuses, hint landlord_phone_missing), so not blank here either. The
// same characters as the CHECK on users.phone (20261203110000_landlord_phone.sql).
export const phoneSchema = z.object({
	phone: z
		.string({ error: 'error_required' })
		.trim()
		.min(1, 'error_required')
		.max(40, 'error_too_long')
		.regex(/^[+\d ()-]*$/, 'error_phone')
});

// the page a banner's "send the link again" was pressed on, to go back to: a path of this
// site only (letters, digits, hyphens and slashes; never `//`, which would leave it)
export const resendSchema = z.object({
	back: z
		.string()
		.max(200)
		.regex(/^\/(?!\/)[a-z0-9/-]*$/)
		.optional()
});

// the kinds of mail that are not essential, ticked: the ones the person wants (a box left
// unticked posts nothing, so no list means none wanted)
export const mailPreferencesSchema = z.object({
	wanted: z.array(z.enum(MAIL_CATEGORIES, 'error_invalid')).default([])
});

// staff: one mail per event, or the morning digest of "needs action"
export const staffDigestSchema = z.object({ digest: z.enum(['each', 'daily'], 'error_choose') });
