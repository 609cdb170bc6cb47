import { z } from 'zod';

// staff invite one or several suggested volunteers at once (checkboxes named "volunteer")
export const inviteVolunteersSchema = z.object({
	volunteer: z.array(z.guid('error_invalid')).min(1, 'taskinv_error_none').max(50, 'taskinv_error_many')
});
