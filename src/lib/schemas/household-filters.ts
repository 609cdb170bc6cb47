import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { CATEGORIES } from './household';

const STATUSES = Constants.public.Enums.household_status;

// the staff list's filters and sorting, from the URL
export const householdFiltersSchema = z.object({
	status: z.enum(STATUSES).optional().catch(undefined),
	category: z.enum(CATEGORIES).optional().catch(undefined),
	sort: z.enum(['expected_arrival', 'imdi_reference', 'created_at']).catch('expected_arrival')
});

export const householdStatusSchema = z
	.object({
		status: z.enum(['contract_signed', 'settled', 'cancelled'], 'error_choose'),
		settled_on: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date('error_date').optional())
	})
	.refine((v) => v.status !== 'settled' || v.settled_on, { path: ['settled_on'], message: 'error_required', when: () => true });
