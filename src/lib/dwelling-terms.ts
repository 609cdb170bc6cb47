// The terms of an offer: what a proposal rests on, frozen in the database once the offer
// is proposed or let (public.dwelling_terms, migration offer_frozen_once_proposed, keeps
// the same list), with their names and values in words, and what changed since approval.
import { formatDate, formatNumber } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

export const TERMS = [
	'street',
	'postcode',
	'place',
	'locality',
	'bedrooms',
	'beds',
	'max_occupants',
	'size_m2',
	'rent_nok',
	'deposit_nok',
	'rent_includes_electricity',
	'rent_includes_internet',
	'furnished',
	'step_free',
	'floor',
	'lift',
	'pets_allowed',
	'smoking_allowed',
	'available_from',
	'available_until',
	'min_lease_months',
	'bus_stop_distance_m',
	'bus_departures_per_weekday',
	'fire_safety_confirmed'
] as const;

export type Term = (typeof TERMS)[number];

const names: Record<Term, () => string> = {
	street: m.dw_street,
	postcode: m.dw_postcode,
	place: m.dw_place,
	locality: m.dw_locality,
	bedrooms: m.dw_bedrooms,
	beds: m.dw_beds,
	max_occupants: m.dw_max_occupants,
	size_m2: m.dw_size,
	rent_nok: m.dw_rent,
	deposit_nok: m.dw_deposit,
	rent_includes_electricity: () => `${m.dw_includes()}: ${m.dw_includes_electricity()}`,
	rent_includes_internet: () => `${m.dw_includes()}: ${m.dw_includes_internet()}`,
	furnished: m.dw_furnished,
	step_free: m.dw_step_free,
	floor: m.dw_floor_name,
	lift: m.dw_lift,
	pets_allowed: m.dw_pets_allowed,
	smoking_allowed: m.dw_smoking_allowed,
	available_from: m.dw_available_from,
	available_until: m.dw_available_until,
	min_lease_months: m.dw_min_lease,
	bus_stop_distance_m: m.dw_bus_distance,
	bus_departures_per_weekday: m.dw_bus_departures,
	fire_safety_confirmed: m.dw_fire
};

const furnishedNames: Record<string, () => string> = { no: m.dw_furnished_no, partly: m.dw_furnished_partly, fully: m.dw_furnished_fully };

export const termName = (term: Term) => names[term]();

/** a floor as Norwegians number them: "1. etasje" at street level, 0 an underetasje; "–" not given */
export function floorName(floor: number | null | undefined): string {
	if (floor === null || floor === undefined || floor < 0) return m.dw_floor_unknown();
	return floor === 0 ? m.dw_floor_basement() : m.dw_floor_value({ floor });
}

/** a term's value as the reader writes it; "–" for none */
export function termValue(term: Term, value: unknown, locale: Locale): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'boolean') return value ? m.proposal_yes() : m.proposal_no();
	if (term === 'furnished') return furnishedNames[String(value)]?.() ?? String(value);
	if (term === 'floor') return floorName(Number(value));
	if (term === 'available_from' || term === 'available_until') return formatDate(String(value), locale);
	if (typeof value === 'number') return formatNumber(value, locale);
	return String(value);
}

export type TermChange = { term: Term; was: unknown; now: unknown };

/** the terms that differ from the ones staff approved; none for an offer never approved */
export function changesSinceApproval(dwelling: Partial<Record<Term, unknown>> & { approved_terms?: unknown }): TermChange[] {
	const approved = dwelling.approved_terms;
	if (!approved || typeof approved !== 'object' || Array.isArray(approved)) return [];
	const was = approved as Record<string, unknown>;
	return TERMS.filter((term) => term in was && (was[term] ?? null) !== (dwelling[term] ?? null)).map((term) => ({
		term,
		was: was[term] ?? null,
		now: dwelling[term] ?? null
	}));
}
