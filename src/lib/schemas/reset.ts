import { z } from 'zod';
import { email, newPasswordTwice } from './fields';

/** asking for a reset link */
export const resetRequestSchema = z.object({ email });

/** choosing the new password from the link (also: an invited member of staff) */
export const newPasswordSchema = newPasswordTwice;
