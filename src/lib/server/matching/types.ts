// What the matching engine knows: plain data, no I/O. The database layer builds these.
export type AgeBand = 'adult' | 'elderly' | 'child';

export type HouseholdInput = {
	id: string;
	members: { band: AgeBand; age: number | null }[];
	needsStepFree: boolean;
	hasPets: boolean;
	/** ISO date; null when not known yet */
	expectedArrival: string | null;
	preferredLocalities: string[];
	languages: string[];
};

export type DwellingInput = {
	id: string;
	status: string;
	beds: number;
	maxOccupants: number;
	bedrooms: number;
	stepFree: boolean;
	petsAllowed: boolean;
	/** ISO dates */
	availableFrom: string;
	availableUntil: string | null;
	locality: string;
	districtId: string | null;
	rent: number;
	busStopDistanceM: number | null;
	busDeparturesPerWeekday: number | null;
};

export type DistrictInput = {
	id: string;
	name: string;
	primarySchoolPlaces: number;
	lowerSecondaryPlaces: number;
	kindergartenPlaces: number;
};

export type Weights = {
	school: number;
	bus: number;
	rent: number;
	bedrooms: number;
	locality: number;
	language: number;
};

/** the defaults, documented in README: school places matter most, then rent, then the rest */
export const DEFAULT_WEIGHTS: Weights = { school: 30, rent: 20, bus: 15, bedrooms: 15, locality: 10, language: 10 };

export type MatchingContext = {
	districts: Map<string, DistrictInput>;
	/** highest monthly rent per household size */
	rentCaps: Map<number, number>;
	/** how many more persons than max occupants (and beds) an admin allows; 0 by default */
	crowdedMargin: number;
	weights: Weights;
	/** languages already spoken by settled households, per locality (optional) */
	languagesByLocality?: Map<string, Set<string>>;
	/** pairs that are already promised elsewhere count as not free */
	promisedDwellings?: Set<string>;
	/**
	 * pairs (pairKey) the landlord declined and staff have not reopened: never suggested or
	 * assigned again (public.declined_pairs; the database refuses to propose them too)
	 */
	declined?: Set<string>;
};

export type Violation = 'not_free' | 'too_small' | 'not_available_in_time' | 'ends_before_arrival' | 'not_step_free' | 'no_pets';

export type Reason = {
	part: keyof Weights;
	points: number;
	max: number;
	/** what it rests on, for the words staff see */
	detail: Record<string, string | number | boolean>;
};

export type Scored = { total: number; reasons: Reason[] };
