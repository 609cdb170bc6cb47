import { z } from 'zod';
import { wholeNumber } from './fields';

// the household page's case forms (20261205030000_case_after_the_move.sql)

// the responsible caseworker: a staff member's id, or empty for none
export const caseworkerSchema = z.object({
	caseworker_id: z.preprocess((v) => (v === '' ? null : v), z.guid('error_choose').nullable())
});

// a follow-up step marked done: the step, the day it was done, an optional note
export const followUpDoneSchema = z.object({
	step_id: z.guid('error_invalid'),
	done_on: z.iso.date('error_date'),
	note: z.string().trim().max(1000, 'error_too_long').default('')
});

export const followUpUndoSchema = z.object({ step_id: z.guid('error_invalid') });

// the admin's checklist: a step's name and when it is due, in days after the settlement date
export const followUpStepSchema = z.object({
	name: z.string({ error: 'error_required' }).trim().min(1, 'error_required').max(200, 'error_too_long'),
	due_days: wholeNumber(0, 3650)
});

// a step renamed or its due offset changed
export const followUpStepSaveSchema = followUpStepSchema.extend({ step_id: z.guid('error_invalid') });

export const followUpStepIdSchema = z.object({ step_id: z.guid('error_invalid') });
