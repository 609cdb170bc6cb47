// Registering a household announced by IMDi — the form, and each row of a CSV import.
// Members are given as counts and the children's ages, which is all matching needs.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { INTERPRETER_NEEDS } from './choices';
import { chosen, isOneLine, optionalWholeNumber, checkbox as yes, wholeNumber } from './fields';

export const CATEGORIES = Constants.public.Enums.household_category;
export { INTERPRETER_NEEDS };

const count = wholeNumber(0, 20, 0);
const list = z.preprocess(
	(v) =>
		String(v ?? '')
			.split(/[,\s]+/)
			.map((s) => s.trim())
			.filter(Boolean),
	z.array(z.string().max(50, 'error_too_long')).max(10, 'error_too_long')
);

export const householdSchema = z
	.object({
		imdi_reference: z.string({ error: 'error_required' }).trim().min(1, 'error_required').max(50, 'error_too_long'),
		// nothing ticked is "choose": superforms would fill in the first category, which counts
		// differently toward the year's target (family reunification does not count)
		category: chosen(CATEGORIES),
		adults: count,
		elderly: count,
		// one age that is not a child's is the field's error (not its element's, which no
		// field on the page is named after): the text is left as typed, which the list refuses
		children_ages: z.preprocess(
			(v) => {
				const typed = String(v ?? '');
				const ages = typed
					.split(/[,\s]+/)
					.filter(Boolean)
					.map(Number);
				return ages.every((a) => Number.isInteger(a) && a >= 0 && a <= 17) ? ages : typed;
			},
			z.array(z.number().int().min(0).max(17), 'error_children_ages').max(20, 'error_too_long')
		),
		languages: list,
		preferred_localities: z.preprocess(
			(v) =>
				String(v ?? '')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean),
			z.array(z.string().max(100, 'error_too_long')).max(10, 'error_too_long')
		),
		needs_step_free: yes,
		needs_near_health_centre: yes,
		needs_ground_floor: yes,
		// departures a normal weekday within a 1 km walk, by the timetable; blank: no such need
		needs_departures: optionalWholeNumber(1, 500),
		has_pets: yes,
		expected_arrival: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.iso.date('error_date').nullable()),
		contact_name: z.string().trim().max(200, 'error_too_long').refine(isOneLine, 'error_single_line').default(''),
		contact_phone: z.string().trim().max(40, 'error_too_long').default(''),
		staff_note: z.string().trim().max(4000, 'error_too_long').default(''),
		// the interpreter need: none, a volunteer is enough, or a professional must be booked (with its language)
		interpreter_need: z.preprocess((v) => (v === '' || v === undefined ? 'none' : v), z.enum(INTERPRETER_NEEDS, 'error_choose')),
		interpreter_language: z.string().trim().toLowerCase().max(20, 'error_too_long').default(''),
		// the responsible caseworker (optional): a staff member's id, empty for none; not sent (an import): left as it is
		caseworker_id: z.preprocess((v) => (v === '' ? null : v), z.guid('error_choose').nullable().optional())
	})
	.refine((h) => h.adults + h.elderly + h.children_ages.length > 0, { path: ['adults'], message: 'error_no_members', when: () => true })
	.refine((h) => h.interpreter_need === 'none' || h.interpreter_language !== '', {
		path: ['interpreter_language'],
		message: 'error_required',
		when: () => true
	});

export type HouseholdForm = z.infer<typeof householdSchema>;

/** the form's values as the database function takes them */
export function toNewHousehold(h: HouseholdForm) {
	const { adults, elderly, children_ages, needs_departures, ...rest } = h;
	return {
		...rest,
		// sent as null when blank, so that clearing the field clears the need
		needs_departures: needs_departures ?? null,
		members: [
			...Array.from({ length: adults }, () => ({ age_band: 'adult' as const, age: null })),
			...Array.from({ length: elderly }, () => ({ age_band: 'elderly' as const, age: null })),
			...children_ages.map((age) => ({ age_band: 'child' as const, age }))
		]
	};
}

/** a stored household as its form's values (the edit form): members as counts and the children's ages */
export function fromHousehold(h: {
	household_members: { age_band: 'adult' | 'elderly' | 'child'; age: number | null }[];
	[column: string]: unknown;
}): Record<string, unknown> {
	const { household_members: members, ...row } = h;
	const fields = Object.fromEntries(Object.entries(row).filter(([k]) => k in householdSchema.shape));
	return {
		...fields,
		adults: members.filter((x) => x.age_band === 'adult').length,
		elderly: members.filter((x) => x.age_band === 'elderly').length,
		children_ages: members
			.filter((x) => x.age_band === 'child')
			.map((x) => x.age ?? 0)
			.sort((a, b) => b - a)
	};
}

/** the columns of the CSV template, in order */
export const CSV_COLUMNS = [
	'imdi_reference',
	'category',
	'adults',
	'elderly',
	'children_ages',
	'languages',
	'needs_step_free',
	'needs_near_health_centre',
	'needs_ground_floor',
	'has_pets',
	'preferred_localities',
	'expected_arrival',
	'contact_name',
	'contact_phone',
	'staff_note',
	// added last (issue 19), so that files made from the older template still line up
	'needs_departures'
] as const;

/** columns added after files were made from an older template: a file without them still imports (blank: no need) */
export const OPTIONAL_CSV_COLUMNS: readonly (typeof CSV_COLUMNS)[number][] = ['needs_departures'];
