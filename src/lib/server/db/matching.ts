// What the matching engine needs, read in a few queries and turned into its plain types.
import {
	DEFAULT_WEIGHTS,
	type DistrictInput,
	type DwellingInput,
	type HouseholdInput,
	type MatchingContext
} from '$lib/server/matching';
import { db } from './client';

export async function context(): Promise<MatchingContext> {
	const [districts, caps, settings, settled] = await Promise.all([
		db().from('districts').select('*'),
		db().from('rent_caps').select('persons, max_rent_nok'),
		db().from('municipality_settings').select('crowded_margin, matching_weights').maybeSingle(),
		// who already lives where, for the language community
		db().from('matches').select('household:households(languages), dwelling:dwellings(locality)').eq('status', 'confirmed')
	]);
	for (const r of [districts, caps, settings, settled]) if (r.error) throw new Error(`reading for matching: ${r.error.message}`);
	const languagesByLocality = new Map<string, Set<string>>();
	for (const m of settled.data ?? []) {
		const locality = m.dwelling?.locality;
		if (!locality) continue;
		const set = languagesByLocality.get(locality) ?? new Set<string>();
		for (const l of m.household?.languages ?? []) set.add(l);
		languagesByLocality.set(locality, set);
	}
	return {
		districts: new Map(
			(districts.data ?? []).map((d): [string, DistrictInput] => [
				d.id,
				{
					id: d.id,
					name: d.name,
					primarySchoolPlaces: d.primary_school_places,
					lowerSecondaryPlaces: d.lower_secondary_places,
					kindergartenPlaces: d.kindergarten_places
				}
			])
		),
		rentCaps: new Map((caps.data ?? []).map((c) => [c.persons, c.max_rent_nok])),
		crowdedMargin: settings.data?.crowded_margin ?? 0,
		// the admin's weights where set, the documented defaults for the rest
		weights: { ...DEFAULT_WEIGHTS, ...((settings.data?.matching_weights as Partial<typeof DEFAULT_WEIGHTS> | null) ?? {}) },
		languagesByLocality
	};
}

/** households still waiting for a dwelling */
export async function waitingHouseholds(): Promise<HouseholdInput[]> {
	const { data, error } = await db().from('households').select('*, household_members(age_band, age)').eq('status', 'expected');
	if (error) throw new Error(`reading households: ${error.message}`);
	// those with an open proposal are not free to match again
	const { data: open, error: openError } = await db().from('matches').select('household_id').in('status', ['proposed', 'accepted_by_landlord']);
	if (openError) throw new Error(`reading proposals: ${openError.message}`);
	const taken = new Set(open.map((m) => m.household_id));
	return data.filter((h) => !taken.has(h.id)).map(toInput);
}

export function toInput(h: {
	id: string;
	household_members: { age_band: 'adult' | 'elderly' | 'child'; age: number | null }[];
	needs_step_free: boolean;
	has_pets: boolean;
	expected_arrival: string | null;
	preferred_localities: string[];
	languages: string[];
}): HouseholdInput {
	return {
		id: h.id,
		members: h.household_members.map((m) => ({ band: m.age_band, age: m.age })),
		needsStepFree: h.needs_step_free,
		hasPets: h.has_pets,
		expectedArrival: h.expected_arrival,
		preferredLocalities: h.preferred_localities,
		languages: h.languages
	};
}

/** approved dwellings, free to propose */
export async function freeDwellings(): Promise<(DwellingInput & { address: string })[]> {
	const { data, error } = await db().from('dwellings').select('*').eq('status', 'approved');
	if (error) throw new Error(`reading dwellings: ${error.message}`);
	return data.map((d) => ({
		id: d.id,
		address: `${d.street}, ${d.place}`,
		status: d.status,
		beds: d.beds ?? 0,
		maxOccupants: d.max_occupants ?? 0,
		bedrooms: d.bedrooms ?? 0,
		stepFree: d.step_free,
		petsAllowed: d.pets_allowed,
		availableFrom: d.available_from ?? '9999-12-31',
		availableUntil: d.available_until,
		locality: d.locality ?? '',
		districtId: d.district_id,
		rent: d.rent_nok ?? 0,
		busStopDistanceM: d.bus_stop_distance_m,
		busDeparturesPerWeekday: d.bus_departures_per_weekday
	}));
}

/** IMDi references of households, to name them on the batch page */
export async function householdReferences(): Promise<Map<string, string>> {
	const { data, error } = await db().from('households').select('id, imdi_reference').eq('status', 'expected');
	if (error) throw new Error(`reading households: ${error.message}`);
	return new Map(data.map((h) => [h.id, h.imdi_reference]));
}
