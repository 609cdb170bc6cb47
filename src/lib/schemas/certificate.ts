import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { listState, optional } from './list';

// staff saw a volunteer's police certificate (the document is never uploaded)
export const certificateSchema = z
	.object({
		volunteer_id: z.guid('error_invalid'),
		seen_on: z.iso.date('error_date'),
		expires_on: z.iso.date('error_date')
	})
	.refine((v) => v.expires_on > v.seen_on, { path: ['expires_on'], message: 'error_end_before_start', when: () => true });

// staff's list of volunteers: filters, sorting and page from the URL
export const volunteerFiltersSchema = listState(
	['name', 'created_at', 'expires'],
	{ sort: 'name', dir: { created_at: 'desc' } },
	{
		language: optional(z.string().max(20)),
		skill: optional(z.string().max(40)),
		locality: optional(z.string().max(100)),
		certificate: optional(z.enum(Constants.public.Enums.police_certificate_status))
	}
);
