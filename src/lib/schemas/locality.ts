import { z } from 'zod';
import { isOneLine } from './fields';

const name = z.string().trim().min(1, 'error_required').max(100, 'error_too_long').refine(isOneLine, 'error_single_line');

// the localities near a health centre: every locality the form shows (`shown`, hidden) and
// those ticked (`near`); a checkbox left empty posts nothing, so `shown` says which are "no"
export const localitiesSchema = z.object({
	shown: z.array(name).max(500, 'error_invalid').default([]),
	near: z.array(name).max(500, 'error_invalid').default([])
});
