// Staff create a task. Times are typed as Norwegian wall-clock time (datetime-local).
import { z } from 'zod';
import { checkbox as yes, wholeNumber } from './fields';
import { SKILLS } from './volunteer-profile';

export const TASK_TYPES = ['move_in', 'furniture', 'transport', 'guide', 'language_practice', 'interpreting', 'other'] as const;

const localTime = z.string({ error: 'error_required' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'error_datetime');

export const taskSchema = z
	.object({
		type: z.enum(TASK_TYPES, 'error_choose'),
		title: z.string({ error: 'error_required' }).trim().min(1, 'error_required').max(200, 'error_too_long'),
		description: z.string().trim().max(4000, 'error_too_long').default(''),
		starts_at: localTime,
		ends_at: localTime,
		locality: z.string({ error: 'error_required' }).trim().min(1, 'error_required').max(100, 'error_too_long'),
		address: z.string().trim().max(300, 'error_too_long').default(''),
		volunteers_needed: wholeNumber(1, 100),
		needed_languages: z.preprocess(
			(v) =>
				String(v ?? '')
					.split(/[,\s]+/)
					.map((s) => s.trim().toLowerCase())
					.filter(Boolean),
			z.array(z.string().max(20)).max(10)
		),
		requires_police_certificate: yes,
		...Object.fromEntries(SKILLS.map((s) => [`skill_${s}`, yes]))
	})
	.refine((t) => !t.starts_at || !t.ends_at || t.ends_at > t.starts_at, { path: ['ends_at'], message: 'error_end_before_start', when: () => true });
