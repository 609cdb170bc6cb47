// Staff create and edit a task. Times are typed as Norwegian wall-clock time (datetime-local).
import { z } from 'zod';
import { fromOsloLocal, toOsloLocal } from '$lib/dates';
import { isOneLine, checkbox as yes, wholeNumber } from './fields';
import { SKILLS, TASK_TYPES } from './choices';

export { TASK_TYPES };

// a stored time (an instant with its offset, from the row of an edit form) is shown as
// Norwegian wall-clock time, the way it is typed
const stored = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const localTime = z.preprocess(
	(v) => (typeof v === 'string' && stored.test(v) ? toOsloLocal(v) : v),
	z.string({ error: 'error_required' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'error_datetime')
);

export const taskSchema = z
	.object({
		type: z.enum(TASK_TYPES, 'error_choose'),
		title: z
			.string({ error: 'error_required' })
			.trim()
			.min(1, 'error_required')
			.max(200, 'error_too_long')
			.refine(isOneLine, 'error_single_line'),
		description: z.string().trim().max(4000, 'error_too_long').default(''),
		starts_at: localTime,
		ends_at: localTime,
		locality: z
			.string({ error: 'error_required' })
			.trim()
			.min(1, 'error_required')
			.max(100, 'error_too_long')
			.refine(isOneLine, 'error_single_line'),
		address: z.string().trim().max(300, 'error_too_long').default(''),
		volunteers_needed: wholeNumber(1, 100),
		needed_languages: z.preprocess(
			(v) =>
				(Array.isArray(v) ? v.join(' ') : String(v ?? ''))
					.split(/[,\s]+/)
					.map((s) => s.trim().toLowerCase())
					.filter(Boolean),
			z.array(z.string().max(20)).max(10)
		),
		requires_police_certificate: yes,
		needed_skills: z.array(z.enum(SKILLS, 'error_invalid')).default([])
	})
	.refine((t) => !t.starts_at || !t.ends_at || t.ends_at > t.starts_at, {
		path: ['ends_at'],
		message: 'error_end_before_start',
		when: () => true
	});

/** the form's fields as the task's columns (times from Norwegian wall-clock time) */
export function toTaskRow(t: z.infer<typeof taskSchema>) {
	return {
		type: t.type,
		title: t.title,
		description: t.description,
		starts_at: fromOsloLocal(t.starts_at).toISOString(),
		ends_at: fromOsloLocal(t.ends_at).toISOString(),
		locality: t.locality,
		address: t.address,
		volunteers_needed: t.volunteers_needed,
		needed_languages: t.needed_languages,
		needed_skills: t.needed_skills,
		requires_police_certificate: t.requires_police_certificate
	};
}
