import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { listState } from './list';

const STATUSES = Constants.public.Enums.dwelling_status;
const optionalInt = z
	.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(0).optional())
	.catch(undefined);

// the staff list's filters and sorting, from the URL (a GET form, so it works without JavaScript)
export const dwellingFiltersSchema = listState(
	['submitted_at', 'rent_nok', 'bedrooms', 'locality'],
	{ sort: 'submitted_at', dir: { submitted_at: 'desc' } },
	{
		status: z.enum(STATUSES).optional().catch(undefined),
		locality: z.string().max(100).optional().catch(undefined),
		district: z.guid().optional().catch(undefined),
		min_bedrooms: optionalInt,
		max_rent: optionalInt,
		step_free: z.preprocess((v) => v === 'on', z.boolean()).catch(false)
	}
);
