import { z } from 'zod';
import { chosen } from './fields';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

// staff's decision on a submitted offer
export const reviewSchema = z
	.object({
		decision: chosen(['approved', 'needs_changes', 'rejected']),
		message: z.string().trim().max(2000, 'error_too_long').default(''),
		district: optional(z.guid('error_choose')),
		inspection_date: optional(z.iso.date('error_date')),
		// why another district than the boundary's (the database asks for it: district_reason_required)
		district_reason: z.string().trim().max(500, 'error_too_long').default(''),
		staff_note: z.string().trim().max(4000, 'error_too_long').default('')
	})
	// asking for changes without saying which would leave the landlord guessing
	.refine((v) => v.decision !== 'needs_changes' || v.message.length > 0, { path: ['message'], message: 'error_required' });
