import { z } from 'zod';
import { isOneLine } from './fields';

// one photo's row on the page: which photo (a hidden field), and for the caption form the caption
export const photoSchema = z.object({ photo_id: z.guid('error_invalid') });
export const captionSchema = photoSchema.extend({
	caption: z
		.string()
		.trim()
		.max(200, 'error_too_long')
		// one line, and none of the characters that make a text read otherwise than it is
		.refine(isOneLine, 'error_single_line')
		.default('')
});

// staff's upload: the visit the photos were taken at, or none
export const visitSchema = z.object({ inspection_id: z.union([z.literal(''), z.guid('error_invalid')]) });
