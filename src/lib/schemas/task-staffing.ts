// Staff's actions on a task besides editing it: cancel it (with a reason for those on it)
// and mark a volunteer who did not come.
import { z } from 'zod';
import { checkbox } from './fields';

export const cancelTaskSchema = z.object({
	reason: z.string({ error: 'error_required' }).trim().min(1, 'error_required').max(1000, 'error_too_long')
});

export const noShowSchema = z.object({
	signup_id: z.guid('error_invalid'),
	// unticked: take a mark made by mistake away again
	no_show: checkbox
});
