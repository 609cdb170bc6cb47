import { z } from 'zod';
import { wholeNumber } from './fields';

const places = wholeNumber(0, 1000);

// free places in one school district
export const districtPlacesSchema = z.object({
	id: z.guid('error_invalid'),
	primary_school_places: places,
	lower_secondary_places: places,
	kindergarten_places: places
});
