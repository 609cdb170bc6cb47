// What the matching engine knows: plain data, no I/O. The database layer builds these.
export type AgeBand = 'adult' | 'elderly' | 'child';

export type HouseholdInput = {
	id: string;
	members: { band: AgeBand; age: number | null }[];
	needsStepFree: boolean;
	/** met by a dwelling on floor 1 (Norwegian numbering: street level) or with a lift */
	needsGroundFloor: boolean;
	/** hard: at least this many departures within a 1 km walk on a normal weekday, by the
	 * timetable (null or absent: no such need) */
	needsDepartures?: number | null;
	/** scored: a locality staff marked as near a health centre */
	needsHealthCentre: boolean;
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
	/** Norwegian numbering: 1 is "1. etasje", at street level; 0 an underetasje; null not given */
	floor: number | null;
	lift: boolean;
	petsAllowed: boolean;
	/** ISO dates */
	availableFrom: string;
	availableUntil: string | null;
	locality: string;
	districtId: string | null;
	rent: number;
	/** the landlord's own figures: the fallback where the timetable says nothing (no point, no feed) */
	busStopDistanceM: number | null;
	busDeparturesPerWeekday: number | null;
	/** from the timetable (public.dwelling_bus_access): null or absent where it says nothing */
	bus?: BusAccess | null;
};

/** a dwelling's bus access from the timetable: the nearest stop within a 3 km walk (none:
 * null stop and walk), the trips leaving within a 1 km walk on a normal weekday, the first
 * and the last (minutes after midnight) */
export type BusAccess = { stop: string | null; walkM: number | null; departures: number; first: number | null; last: number | null };

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
	health: number;
};

/** the defaults, documented in README: school places matter most, then rent, then the rest */
export const DEFAULT_WEIGHTS: Weights = { school: 30, rent: 20, bus: 15, bedrooms: 15, locality: 10, language: 10, health: 10 };

export type MatchingContext = {
	districts: Map<string, DistrictInput>;
	/** highest monthly rent per household size */
	rentCaps: Map<number, number>;
	/** how many more persons than max occupants (and beds) an admin allows; 0 by default */
	crowdedMargin: number;
	weights: Weights;
	/** languages already spoken by settled households, per locality (optional) */
	languagesByLocality?: Map<string, Set<string>>;
	/** the localities staff marked as near a health centre (public.localities; optional) */
	healthCentreLocalities?: Set<string>;
	/** pairs that are already promised elsewhere count as not free */
	promisedDwellings?: Set<string>;
	/**
	 * pairs (pairKey) the landlord declined and staff have not reopened: never suggested or
	 * assigned again (public.declined_pairs; the database refuses to propose them too)
	 */
	declined?: Set<string>;
};

export type Violation =
	| 'not_free'
	| 'too_small'
	| 'not_available_in_time'
	| 'ends_before_arrival'
	| 'not_step_free'
	| 'no_pets'
	| 'not_ground_floor'
	| 'floor_unknown'
	| 'too_few_departures'
	| 'departures_unknown';

/**
 * One line of a pair's explanation. A scored part earns up to its weight; `floor` is the
 * hard constraint of the ground floor, kept (the pair would not be suggested otherwise):
 * shown with what it rests on, worth no points (max 0).
 */
export type Reason = {
	part: keyof Weights | 'floor';
	points: number;
	max: number;
	/** what it rests on, for the words staff see */
	detail: Record<string, string | number | boolean>;
};

export type Scored = { total: number; reasons: Reason[] };
