import { z } from 'zod';
import { chosen, displayName, email, newPassword } from './fields';

export const registerSchema = z.object({
	// nothing ticked is "choose", not the first choice (superforms would fill in landlord)
	role: chosen(['landlord', 'volunteer'], 'error_role_required'),
	display_name: displayName,
	email,
	password: newPassword
});
