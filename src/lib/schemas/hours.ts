import { z } from 'zod';

// hours a volunteer spent on a task, in half hours
const hours = z.preprocess(
	(v) => (v === '' || v === undefined ? undefined : Number(String(v).replace(',', '.'))),
	z.number('error_number_decimal').min(0, 'error_number_range:0:24').max(24, 'error_number_range:0:24').multipleOf(0.5, 'error_half_hours')
);

export const hoursSchema = z.object({ hours });

// staff's note to the volunteer, which the mail carries: a correction and a rejection say why
const note = z.string({ error: 'error_required' }).trim().min(1, 'error_hours_note_required').max(1000, 'error_too_long');

/** staff approve reported hours as they are (a button: only the sign-up's id) */
export const approveHoursSchema = z.object({ signup_id: z.guid() });

/** staff correct reported hours: the hours that count, and why */
export const correctHoursSchema = z.object({ signup_id: z.guid(), hours, note });

/** staff reject reported hours, saying why */
export const rejectHoursSchema = z.object({ signup_id: z.guid(), note });
