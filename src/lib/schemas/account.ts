import { z } from 'zod';
import { currentPassword, email, locale, newPassword } from './fields';

export const changePasswordSchema = z
	.object({ current_password: currentPassword, password: newPassword, password_confirm: z.string({ error: 'error_required' }) })
	.refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], message: 'error_password_mismatch' });

export const changeEmailSchema = z.object({ email, current_password: currentPassword });

export const localeSchema = z.object({ locale });

export const deleteAccountSchema = z.object({ current_password: currentPassword });
