// The volunteer's profile form. Languages come as up to LANGUAGE_ROWS rows
// (`languages[0].language`, `…level`, `…interpreting`), skills as a group of checkboxes with
// one name (`skills`), availability as a checkbox group per weekday (`availability.mon`).
import { z } from 'zod';
import { LANGUAGE_ROWS, LEVELS, PARTS, SKILLS, WEEKDAYS } from './choices';
import { checkbox as yes, wholeNumber } from './fields';

export { LANGUAGE_ROWS, LEVELS, PARTS, SKILLS, WEEKDAYS };

// the whole-row rule runs even when a field of the row failed, so one round shows every problem
const always = { when: () => true };

const languageRow = z
	.object({
		language: z
			.string()
			.trim()
			.toLowerCase()
			.max(20, 'error_too_long')
			.regex(/^[a-z-]*$/, 'error_language_code')
			.default(''),
		level: z.enum(LEVELS, 'error_choose').optional().catch(undefined),
		interpreting: yes
	})
	.refine((row) => !row.language || row.level, { path: ['level'], message: 'error_language_level', ...always });

const parts = z.array(z.enum(PARTS, 'error_invalid')).default([]);

export const volunteerProfileSchema = z.object({
	phone: z
		.string()
		.trim()
		.max(40, 'error_too_long')
		.regex(/^[+\d\s()-]*$/, 'error_phone')
		.default(''),
	// one text field, comma-separated (a stored list, or the text as posted, may come as a list)
	localities: z.preprocess(
		(v) =>
			(Array.isArray(v) ? v.join(',') : String(v ?? ''))
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean),
		z.array(z.string().max(100, 'error_too_long')).max(20, 'error_too_long')
	),
	max_tasks_per_month: wholeNumber(0, 100, 4),
	dates_away: z.string().trim().max(500, 'error_too_long').default(''),
	skills: z.array(z.enum(SKILLS, 'error_invalid')).default([]),
	availability: z.object({ mon: parts, tue: parts, wed: parts, thu: parts, fri: parts, sat: parts, sun: parts }).default({
		mon: [],
		tue: [],
		wed: [],
		thu: [],
		fri: [],
		sat: [],
		sun: []
	}),
	languages: z.array(languageRow).max(LANGUAGE_ROWS, 'error_too_long').default([])
});

type Profile = z.infer<typeof volunteerProfileSchema>;

/** the form's values as save_volunteer_profile takes them: rows left blank left out, one row per language */
export function toProfile(v: Profile) {
	const languages = v.languages
		.filter((l) => l.language && l.level)
		.map((l) => ({ language: l.language, level: l.level!, interpreting: l.interpreting }));
	return {
		profile: {
			phone: v.phone,
			localities: v.localities,
			max_tasks_per_month: v.max_tasks_per_month,
			dates_away: v.dates_away,
			skills: v.skills,
			availability: Object.fromEntries(WEEKDAYS.map((d) => [d, v.availability[d]]).filter(([, p]) => p.length > 0))
		},
		languages: [...new Map(languages.map((l) => [l.language, l])).values()]
	};
}
