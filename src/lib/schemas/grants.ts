import { z } from 'zod';
import { RATE_FIELDS } from '$lib/grants';
import { wholeNumber } from './fields';

// a calendar year's integration grant rates, whole kroner per person
export const grantRatesSchema = z.object({
	year: wholeNumber(2000, 2100),
	...(Object.fromEntries(RATE_FIELDS.map((f) => [f, wholeNumber(0, 10_000_000)])) as Record<
		(typeof RATE_FIELDS)[number],
		ReturnType<typeof wholeNumber>
	>)
});
