// What the matching engine needs, read in one round trip (matching_data() and
// declined_pairs(), side by side) and turned into its plain types. The engine itself stays
// pure TypeScript ($lib/server/matching).
import { Constants } from '$lib/database.types';
import {
	DEFAULT_WEIGHTS,
	pairKey,
	type DistrictInput,
	type DwellingInput,
	type HouseholdInput,
	type MatchingContext
} from '$lib/server/matching';
import { z } from 'zod';
import { db } from './client';
import { districtRow, maybeInt, maybeText, rentCaps, shape } from './shape';

/** an approved dwelling with the fields matching reads (20261205090000_matching_data_slim.sql) */
const freeDwellingRow = z.object({
	id: z.string(),
	status: z.enum(Constants.public.Enums.dwelling_status),
	street: maybeText,
	place: maybeText,
	locality: maybeText,
	district_id: maybeText,
	beds: maybeInt,
	max_occupants: maybeInt,
	bedrooms: maybeInt,
	step_free: z.boolean(),
	floor: maybeInt,
	lift: z.boolean(),
	pets_allowed: z.boolean(),
	available_from: maybeText,
	available_until: maybeText,
	rent_nok: maybeInt,
	bus_stop_distance_m: maybeInt,
	bus_departures_per_weekday: maybeInt,
	/** from the timetable (public.dwelling_bus_access); null: it says nothing */
	bus: z.object({ stop: maybeText, walk_m: maybeInt, departures: z.number().int(), first: maybeInt, last: maybeInt }).nullable()
});

/** the matching_data() document, as the database builds it (20261205090000_matching_data_slim.sql) */
const matchingShape = z.object({
	districts: z.array(districtRow),
	rent_caps: rentCaps,
	settings: z.object({ crowded_margin: z.number(), matching_weights: z.record(z.string(), z.number()).nullable() }).nullable(),
	/** the confirmed matches: who already lives where */
	settled: z.array(z.object({ locality: z.string().nullable(), languages: z.array(z.string()).nullable() })),
	households: z.array(
		z.object({
			id: z.string(),
			household_members: z.array(z.object({ age_band: z.enum(Constants.public.Enums.age_band), age: z.number().int().nullable() })),
			needs_step_free: z.boolean(),
			needs_ground_floor: z.boolean(),
			needs_near_health_centre: z.boolean(),
			needs_departures: z.number().int().nullable(),
			has_pets: z.boolean(),
			expected_arrival: z.string().nullable(),
			preferred_localities: z.array(z.string()),
			languages: z.array(z.string())
		})
	),
	dwellings: z.array(freeDwellingRow),
	references: z.record(z.string(), z.string()),
	/** the localities staff marked as near a health centre (20261204110000_floor_lift_health_centre.sql) */
	health_centre_localities: z.array(z.string())
});
type MatchingData = z.output<typeof matchingShape>;

/** the declined_pairs() document (20261203100000_declined_pairs_stay_declined.sql) */
const declinedShape = z.array(z.object({ household_id: z.string(), dwelling_id: z.string() }));

export type FreeDwelling = DwellingInput & { address: string };

export type Data = {
	ctx: MatchingContext;
	/** households still waiting for a dwelling; those with an open proposal are not free to match again */
	households: HouseholdInput[];
	/** approved dwellings, free to propose */
	dwellings: FreeDwelling[];
	/** IMDi references of the expected households, to name them on the pages */
	references: Map<string, string>;
};

/**
 * matching_data() and the declined pairs side by side, in one round trip: for every waiting
 * household, or (a household's page) for one, without the others and their references
 */
async function read(householdId?: string) {
	const [{ data, error }, closed] = await Promise.all([
		db().rpc('matching_data', { p_with_households: householdId === undefined }),
		declined(householdId)
	]);
	if (error) throw new Error(`reading for matching: ${error.message}`);
	const d = shape('matching_data', matchingShape, data);
	return { d, ctx: { ...context(d), declined: closed }, dwellings: d.dwellings.map(toDwelling) };
}

/** everything the engine needs, in one round trip: the data and the pairs the landlords declined */
export async function data(): Promise<Data> {
	const { d, ctx, dwellings } = await read();
	return { ctx, dwellings, households: d.households.map((h) => toInput(h)), references: new Map(Object.entries(d.references)) };
}

/** what the engine needs to suggest homes for one household (its page) */
export async function dataFor(householdId: string): Promise<Pick<Data, 'ctx' | 'dwellings'>> {
	const { ctx, dwellings } = await read(householdId);
	return { ctx, dwellings };
}

/**
 * the pairs the landlord declined and staff have not reopened (pairKey), of every household
 * still waiting, or of one household
 */
export async function declined(householdId?: string): Promise<Set<string>> {
	const { data, error } = await db().rpc('declined_pairs', householdId ? { p_household: householdId } : {});
	if (error) throw new Error(`reading the declined pairs: ${error.message}`);
	return new Set(shape('declined_pairs', declinedShape, data).map((p) => pairKey(p.household_id, p.dwelling_id)));
}

function context(d: MatchingData): MatchingContext {
	// who already lives where, for the language community
	const languagesByLocality = new Map<string, Set<string>>();
	for (const m of d.settled) {
		if (!m.locality) continue;
		const set = languagesByLocality.get(m.locality) ?? new Set<string>();
		for (const l of m.languages ?? []) set.add(l);
		languagesByLocality.set(m.locality, set);
	}
	return {
		districts: new Map(
			d.districts.map((r): [string, DistrictInput] => [
				r.id,
				{
					id: r.id,
					name: r.name,
					primarySchoolPlaces: r.primary_school_places,
					lowerSecondaryPlaces: r.lower_secondary_places,
					kindergartenPlaces: r.kindergarten_places
				}
			])
		),
		rentCaps: new Map(d.rent_caps.map((c) => [c.persons, c.max_rent_nok])),
		crowdedMargin: d.settings?.crowded_margin ?? 0,
		// the admin's weights where set, the documented defaults for the rest
		weights: { ...DEFAULT_WEIGHTS, ...((d.settings?.matching_weights as Partial<typeof DEFAULT_WEIGHTS> | null) ?? {}) },
		languagesByLocality,
		healthCentreLocalities: new Set(d.health_centre_localities)
	};
}

export function toInput(h: {
	id: string;
	household_members: { age_band: 'adult' | 'elderly' | 'child'; age: number | null }[];
	needs_step_free: boolean;
	needs_ground_floor: boolean;
	needs_near_health_centre: boolean;
	needs_departures?: number | null;
	has_pets: boolean;
	expected_arrival: string | null;
	preferred_localities: string[];
	languages: string[];
}): HouseholdInput {
	return {
		id: h.id,
		members: h.household_members.map((m) => ({ band: m.age_band, age: m.age })),
		needsStepFree: h.needs_step_free,
		needsGroundFloor: h.needs_ground_floor,
		needsHealthCentre: h.needs_near_health_centre,
		needsDepartures: h.needs_departures ?? null,
		hasPets: h.has_pets,
		expectedArrival: h.expected_arrival,
		preferredLocalities: h.preferred_localities,
		languages: h.languages
	};
}

function toDwelling(d: z.output<typeof freeDwellingRow>): FreeDwelling {
	return {
		id: d.id,
		address: `${d.street}, ${d.place}`,
		status: d.status,
		beds: d.beds ?? 0,
		maxOccupants: d.max_occupants ?? 0,
		bedrooms: d.bedrooms ?? 0,
		stepFree: d.step_free,
		floor: d.floor,
		lift: d.lift,
		petsAllowed: d.pets_allowed,
		availableFrom: d.available_from ?? '9999-12-31',
		availableUntil: d.available_until,
		locality: d.locality ?? '',
		districtId: d.district_id,
		rent: d.rent_nok ?? 0,
		busStopDistanceM: d.bus_stop_distance_m,
		busDeparturesPerWeekday: d.bus_departures_per_weekday,
		bus: d.bus && { stop: d.bus.stop, walkM: d.bus.walk_m, departures: d.bus.departures, first: d.bus.first, last: d.bus.last }
	};
}
