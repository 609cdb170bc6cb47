// The page functions (staff_dwellings_page, read_household, matching_data, …) return one
// jsonb document, which the generated types can only call Json. Each module parses its
// document with a zod schema here instead of casting it: a function whose shape changed is
// a logged error naming it, not a page quietly built from undefined. The row schemas are
// typed against the generated rows, so a changed column fails `npm run check` too.
import { z } from 'zod';
import { Constants, type Database } from '$lib/database.types';
import { log } from '$lib/server/log';

type Tables = Database['public']['Tables'];
const Enums = Constants.public.Enums;

/** a page function answered in a shape its module does not know */
export class ShapeError extends Error {}

/** `data` as `schema` says, or a logged ShapeError (its issues name paths, never values) */
export function shape<S extends z.ZodType>(what: string, schema: S, data: unknown): z.output<S> {
	const parsed = schema.safeParse(data);
	if (parsed.success) return parsed.data;
	const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), code: i.code }));
	log().error({ what, issues }, 'a database result of an unexpected shape');
	throw new ShapeError(`${what}: the database answered in an unexpected shape`);
}

const text = z.string();
export const maybeText = z.string().nullable();
export const maybeInt = z.number().int().nullable();
const json = z.json();

/** a dwelling as to_jsonb(d) writes it (the computed columns are not in it) */
export type DwellingRow = Omit<Tables['dwellings']['Row'], 'dwelling_terms' | 'landlord_actions' | 'inspection_to_mend'>;
export const dwellingRow: z.ZodType<DwellingRow> = z.object({
	address_id: maybeText,
	approved_terms: json.nullable(),
	available_from: maybeText,
	available_until: maybeText,
	bedrooms: maybeInt,
	beds: maybeInt,
	bus_departures_per_weekday: maybeInt,
	bus_stop_distance_m: maybeInt,
	confirmed_available_at: maybeText,
	created_at: text,
	deposit_nok: maybeInt,
	description: text,
	district_id: maybeText,
	district_reason: maybeText,
	fire_safety_confirmed: z.boolean(),
	floor: maybeInt,
	furnished: z.enum(Enums.furnishing),
	id: text,
	inspection_date: maybeText,
	landlord_id: maybeText,
	lat: z.number().nullable(),
	lift: z.boolean(),
	lon: z.number().nullable(),
	locality: maybeText,
	max_occupants: maybeInt,
	min_lease_months: maybeInt,
	pets_allowed: z.boolean(),
	place: maybeText,
	placed_by: maybeText,
	postcode: maybeText,
	rent_includes_electricity: z.boolean(),
	rent_includes_internet: z.boolean(),
	rent_nok: maybeInt,
	review_message: text,
	reviewed_at: maybeText,
	reviewed_by: maybeText,
	size_m2: maybeInt,
	smoking_allowed: z.boolean(),
	staff_note: text,
	status: z.enum(Enums.dwelling_status),
	step_free: z.boolean(),
	street: maybeText,
	submitted_at: maybeText,
	updated_at: text
});

export const householdRow: z.ZodType<Tables['households']['Row']> = z.object({
	anonymised_at: maybeText,
	caseworker_id: maybeText,
	cancelled_on: maybeText,
	category: z.enum(Enums.household_category),
	contact_name: text,
	contact_phone: text,
	created_at: text,
	expected_arrival: maybeText,
	has_pets: z.boolean(),
	id: text,
	imdi_reference: text,
	interpreter_language: text,
	interpreter_need: z.enum(Enums.interpreter_need),
	languages: z.array(text),
	needs_ground_floor: z.boolean(),
	needs_departures: z.number().int().nullable(),
	needs_near_health_centre: z.boolean(),
	needs_step_free: z.boolean(),
	preferred_localities: z.array(text),
	settled_on: maybeText,
	staff_note: text,
	status: z.enum(Enums.household_status),
	updated_at: text
});

export const memberRow: z.ZodType<Tables['household_members']['Row']> = z.object({
	age: maybeInt,
	age_band: z.enum(Enums.age_band),
	first_name: text,
	household_id: text,
	id: text,
	relation: text
});

/** a district as matching reads it: its places, not its boundary */
export const districtRow: z.ZodType<Omit<Tables['districts']['Row'], 'boundary' | 'min_lat' | 'max_lat' | 'min_lon' | 'max_lon'>> =
	z.object({
		id: text,
		kindergarten_places: z.number().int(),
		lower_secondary_places: z.number().int(),
		name: text,
		primary_school_places: z.number().int(),
		updated_at: text
	});

export const rentCaps = z.array(z.object({ persons: z.number().int(), max_rent_nok: z.number().int() }));
