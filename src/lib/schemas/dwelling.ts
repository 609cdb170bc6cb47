// The offer form, for landlords and for staff registering the municipality's own
// dwellings. A draft may be incomplete (what is there must still be valid); an offer that
// is sent in must be complete and the fire-safety rules confirmed.
import { z } from 'zod';
import { FURNISHED } from './choices';
import { checkbox, isOneLine, optionalWholeNumber } from './fields';

export { FURNISHED };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

// the address goes into mails: one line
const text = (max: number) =>
	z.preprocess(
		(v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v),
		z.string().max(max, 'error_too_long').refine(isOneLine, 'error_single_line').optional()
	);

const date = z.preprocess((v) => (blank(v) ? undefined : v), z.iso.date('error_date').optional());

export const dwellingFields = z.object({
	street: text(200),
	postcode: z.preprocess(
		(v) => (blank(v) ? undefined : String(v).trim()),
		z
			.string()
			.regex(/^\d{4}$/, 'error_postcode')
			.optional()
	),
	place: text(100),
	locality: text(100),
	bedrooms: optionalWholeNumber(0, 20),
	beds: optionalWholeNumber(1, 40),
	max_occupants: optionalWholeNumber(1, 40),
	size_m2: optionalWholeNumber(5, 1000),
	rent_nok: optionalWholeNumber(0, 100000),
	deposit_nok: optionalWholeNumber(0, 500000),
	rent_includes_electricity: checkbox,
	rent_includes_internet: checkbox,
	furnished: z.preprocess((v) => (blank(v) ? 'no' : v), z.enum(FURNISHED, 'error_choose')),
	step_free: checkbox,
	// Norwegian numbering: 1 is "1. etasje", at street level; 0 an underetasje; blank: not given
	floor: optionalWholeNumber(0, 60),
	lift: checkbox,
	pets_allowed: checkbox,
	smoking_allowed: checkbox,
	available_from: date,
	available_until: date,
	min_lease_months: optionalWholeNumber(0, 120),
	bus_stop_distance_m: optionalWholeNumber(0, 100000),
	bus_departures_per_weekday: optionalWholeNumber(0, 500),
	description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(4000, 'error_too_long')),
	fire_safety_confirmed: checkbox
});

const datesInOrder = (v: { available_from?: string; available_until?: string }) =>
	!v.available_from || !v.available_until || v.available_until >= v.available_from;

// the whole-form rules run even when a field failed, so one round shows every problem
const always = { when: () => true };

/** saving a draft: anything may be missing */
export const draftSchema = dwellingFields.refine(datesInOrder, { path: ['available_until'], message: 'error_date_order', ...always });

const REQUIRED = ['street', 'postcode', 'place', 'locality', 'bedrooms', 'beds', 'max_occupants', 'rent_nok', 'available_from'] as const;

/** sending the offer in: complete, and the fire-safety rules confirmed */
export const offerSchema = dwellingFields
	.superRefine((v, ctx) => {
		for (const field of REQUIRED) if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'error_required' });
		if (!v.fire_safety_confirmed) ctx.addIssue({ code: 'custom', path: ['fire_safety_confirmed'], message: 'error_fire_safety' });
	}, always)
	.refine(datesInOrder, { path: ['available_until'], message: 'error_date_order', ...always });

export type DwellingFields = z.infer<typeof dwellingFields>;
