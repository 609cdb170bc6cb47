import { z } from 'zod';

const places = z.preprocess(
	(v) => (v === '' || v === undefined ? undefined : Number(v)),
	z.number('error_number').int('error_number').min(0, 'error_number_range:0:1000').max(1000, 'error_number_range:0:1000')
);

// free places in one school district
export const districtPlacesSchema = z.object({
	id: z.guid('error_invalid'),
	primary_school_places: places,
	lower_secondary_places: places,
	kindergarten_places: places
});
