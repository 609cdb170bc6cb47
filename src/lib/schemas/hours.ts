import { z } from 'zod';

// hours a volunteer spent on a task, in half hours
export const hoursSchema = z.object({
	hours: z.preprocess(
		(v) => (v === '' || v === undefined ? undefined : Number(String(v).replace(',', '.'))),
		z
			.number('error_number_decimal')
			.min(0, 'error_number_range:0:24')
			.max(24, 'error_number_range:0:24')
			.multipleOf(0.5, 'error_half_hours')
	)
});
