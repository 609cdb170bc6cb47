// The volunteer's profile form. Languages come as up to LANGUAGE_ROWS rows of code, level
// and interpreting; availability as weekday × part of day checkboxes.
import { z } from 'zod';
import { LANGUAGE_ROWS, LEVELS, PARTS, SKILLS, WEEKDAYS } from './choices';
import { checkbox as yes, wholeNumber } from './fields';

export { LANGUAGE_ROWS, LEVELS, PARTS, SKILLS, WEEKDAYS };

export const volunteerProfileSchema = z
	.object({
		phone: z
			.string()
			.trim()
			.max(40, 'error_too_long')
			.regex(/^[+\d\s()-]*$/, 'error_phone'),
		localities: z.preprocess(
			(v) =>
				String(v ?? '')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean),
			z.array(z.string().max(100, 'error_too_long')).max(20, 'error_too_long')
		),
		max_tasks_per_month: wholeNumber(0, 100, 4),
		dates_away: z.string().trim().max(500, 'error_too_long').default(''),
		contact_by_sms: yes,
		...Object.fromEntries(SKILLS.map((s) => [`skill_${s}`, yes])),
		...Object.fromEntries(WEEKDAYS.flatMap((d) => PARTS.map((p) => [`available_${d}_${p}`, yes]))),
		...Object.fromEntries(
			Array.from({ length: LANGUAGE_ROWS }, (_, i) => [
				[
					`language_${i}`,
					z
						.string()
						.trim()
						.toLowerCase()
						.max(20, 'error_too_long')
						.regex(/^[a-z-]*$/, 'error_language_code')
						.default('')
				],
				[`level_${i}`, z.enum(LEVELS, 'error_choose').optional().catch(undefined)],
				[`interpreting_${i}`, yes]
			]).flat()
		)
	})
	.refine(
		(v) =>
			Array.from(
				{ length: LANGUAGE_ROWS },
				(_, i) => !(v as Record<string, unknown>)[`language_${i}`] || (v as Record<string, unknown>)[`level_${i}`]
			).every(Boolean),
		{
			path: ['language_0'],
			message: 'error_language_level',
			when: () => true
		}
	);

type Parsed = z.infer<typeof volunteerProfileSchema> & Record<string, unknown>;

/** the form's values as save_volunteer_profile takes them */
export function toProfile(v: Parsed) {
	const languages = Array.from({ length: LANGUAGE_ROWS }, (_, i) => ({
		language: String(v[`language_${i}`] ?? ''),
		level: v[`level_${i}`] as string | undefined,
		interpreting: Boolean(v[`interpreting_${i}`])
	})).filter((l) => l.language && l.level);
	const availability = Object.fromEntries(
		WEEKDAYS.map((d) => [d, PARTS.filter((p) => v[`available_${d}_${p}`])]).filter(([, parts]) => parts.length > 0)
	);
	return {
		profile: {
			phone: v.phone,
			localities: v.localities,
			max_tasks_per_month: v.max_tasks_per_month,
			dates_away: v.dates_away,
			contact_by_sms: v.contact_by_sms,
			skills: SKILLS.filter((s) => v[`skill_${s}`]),
			availability
		},
		languages: [...new Map(languages.map((l) => [l.language, l])).values()]
	};
}
