import { z } from 'zod';

// staff's search, from the URL (a GET form): what was typed, at most 200 characters
export const searchSchema = z.object({
	q: z.string().trim().max(200).catch('')
});
