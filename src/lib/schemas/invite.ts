import { z } from 'zod';
import { displayName, email, locale } from './fields';

/** the roles an admin invites to: staff, or admin (who also manages staff and settings) */
const STAFF_ROLES = ['staff', 'admin'] as const;

// the page offers both with staff ticked; a post without a role invites the lesser one
export const inviteSchema = z.object({
	display_name: displayName,
	email,
	locale,
	role: z.enum(STAFF_ROLES, 'error_choose').default('staff')
});

/** deactivating a member of staff who leaves (a button: only the account's id) */
export const deactivateSchema = z.object({ user_id: z.guid() });
