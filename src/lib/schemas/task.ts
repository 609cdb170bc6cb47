// Staff create and edit a task. Times are typed as Norwegian wall-clock time (datetime-local).
import { z } from 'zod';
import { fromOsloLocal, toOsloLocal } from '$lib/dates';
import { isOneLine, checkbox as yes, wholeNumber } from './fields';
import { SKILLS, TASK_TYPES } from './choices';

export { TASK_TYPES };

const localTime = z.string({ error: 'error_required' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'error_datetime');

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
				String(v ?? '')
					.split(/[,\s]+/)
					.map((s) => s.trim().toLowerCase())
					.filter(Boolean),
			z.array(z.string().max(20)).max(10)
		),
		requires_police_certificate: yes,
		...Object.fromEntries(SKILLS.map((s) => [`skill_${s}`, yes]))
	})
	.refine((t) => !t.starts_at || !t.ends_at || t.ends_at > t.starts_at, {
		path: ['ends_at'],
		message: 'error_end_before_start',
		when: () => true
	});

type TaskForm = z.infer<typeof taskSchema> & Record<string, unknown>;

/** the form's fields as the task's columns (times from Norwegian wall-clock time) */
export function toTaskRow(data: z.infer<typeof taskSchema>) {
	const t = data as TaskForm;
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
		needed_skills: SKILLS.filter((s) => t[`skill_${s}`]),
		requires_police_certificate: t.requires_police_certificate
	};
}

type StoredTask = Omit<ReturnType<typeof toTaskRow>, 'needed_skills'> & { needed_skills: string[] };

/** a stored task as the form's values, to edit it */
export function taskFormValues(task: StoredTask): Record<string, string> {
	const values: Record<string, string> = {
		type: task.type,
		title: task.title,
		description: task.description,
		starts_at: toOsloLocal(task.starts_at),
		ends_at: toOsloLocal(task.ends_at),
		locality: task.locality,
		address: task.address,
		volunteers_needed: String(task.volunteers_needed),
		needed_languages: task.needed_languages.join(', ')
	};
	for (const s of task.needed_skills) values[`skill_${s}`] = 'on';
	if (task.requires_police_certificate) values.requires_police_certificate = 'on';
	return values;
}
