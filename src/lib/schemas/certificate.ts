import { z } from 'zod';
import { Constants } from '$lib/database.types';

// staff saw a volunteer's police certificate (the document is never uploaded)
export const certificateSchema = z
	.object({
		volunteer_id: z.guid('error_invalid'),
		seen_on: z.iso.date('error_date'),
		expires_on: z.iso.date('error_date')
	})
	.refine((v) => v.expires_on > v.seen_on, { path: ['expires_on'], message: 'error_end_before_start', when: () => true });

export const volunteerFiltersSchema = z.object({
	language: z.string().max(20).optional().catch(undefined),
	skill: z.string().max(40).optional().catch(undefined),
	locality: z.string().max(100).optional().catch(undefined),
	certificate: z.enum(Constants.public.Enums.police_certificate_status).optional().catch(undefined)
});
