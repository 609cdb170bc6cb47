import { z } from 'zod';
import { displayName, email, newPassword } from './fields';

export const registerSchema = z.object({
	role: z.enum(['landlord', 'volunteer'], 'error_role_required'),
	display_name: displayName,
	email,
	password: newPassword
});
