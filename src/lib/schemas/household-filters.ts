import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { CATEGORIES } from './household';
import { listState, optional } from './list';

const STATUSES = Constants.public.Enums.household_status;

// the staff list's filters, sorting and page, from the URL; caseworker is a member of staff's
// id, 'mine' (the one reading) or 'none' (nobody responsible yet)
export const householdFiltersSchema = listState(
	['expected_arrival', 'imdi_reference', 'created_at'],
	{ sort: 'expected_arrival', dir: { created_at: 'desc' } },
	{
		status: optional(z.enum(STATUSES)),
		category: optional(z.enum(CATEGORIES)),
		caseworker: optional(z.union([z.literal('mine'), z.literal('none'), z.guid()]))
	}
);

export const householdStatusSchema = z
	.object({
		status: z.enum(['contract_signed', 'settled', 'cancelled'], 'error_choose'),
		settled_on: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date('error_date').optional())
	})
	.refine((v) => v.status !== 'settled' || v.settled_on, { path: ['settled_on'], message: 'error_required', when: () => true });
