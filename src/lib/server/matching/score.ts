// The score of a feasible pair, in parts staff can read: each part earns up to its weight.
// `score` explains; `scoreTotal` is the same sum without the words, for the batch, which
// scores millions of pairs. Both use the same part functions below.
import type { Database } from '$lib/database.types';
import type { DistrictInput, DwellingInput, HouseholdInput, MatchingContext, Reason, Scored } from './types';

const clamp = (x: number) => Math.max(0, Math.min(1, x));

export type SchoolStage = Database['public']['Enums']['school_stage'];

/**
 * which school stage a child of this age needs a place in: a mirror of public.school_stage
 * (the engine scores millions of pairs and cannot ask the database for each), held to it
 * by tests/integration/rules-parity.test.ts
 */
export function stageOf(age: number): SchoolStage | null {
	if (age >= 1 && age <= 5) return 'kindergarten';
	if (age >= 6 && age <= 12) return 'primary';
	if (age >= 13 && age <= 15) return 'lower_secondary';
	return null;
}

/** what a household brings to every pair, worked out once */
export type HouseholdNeeds = {
	size: number;
	kindergarten: number;
	primary: number;
	lowerSecondary: number;
	bedroomsWanted: number;
	preferred: Set<string>;
	languages: string[];
	healthCentre: boolean;
};

export function needsOf(h: HouseholdInput): HouseholdNeeds {
	const need: Record<SchoolStage, number> = { kindergarten: 0, primary: 0, lower_secondary: 0 };
	for (const m of h.members) {
		const stage = m.band === 'child' && m.age !== null ? stageOf(m.age) : null;
		if (stage) need[stage]++;
	}
	return {
		size: h.members.length,
		kindergarten: need.kindergarten,
		primary: need.primary,
		lowerSecondary: need.lower_secondary,
		// adults in pairs, children two to a room
		bedroomsWanted: Math.max(1, Math.ceil(h.members.length / 2)),
		preferred: new Set(h.preferredLocalities),
		languages: h.languages,
		healthCentre: h.needsHealthCentre
	};
}

// the parts, each a fraction from 0 to 1 of its weight

function schoolPart(n: HouseholdNeeds, district: DistrictInput | undefined): number {
	const children = n.kindergarten + n.primary + n.lowerSecondary;
	if (children === 0) return 1;
	if (!district) return 0;
	const covered =
		Math.min(n.kindergarten, district.kindergartenPlaces) +
		Math.min(n.primary, district.primarySchoolPlaces) +
		Math.min(n.lowerSecondary, district.lowerSecondaryPlaces);
	return covered / children;
}

function capFor(size: number, caps: Map<number, number>, largest: number | undefined): number | undefined {
	return caps.get(size) ?? (largest === undefined ? undefined : caps.get(largest));
}

const rentPart = (rent: number, cap: number | undefined) => (cap === undefined || rent <= cap ? 1 : 0);

function busPart(d: DwellingInput): number {
	if (d.bus) {
		const walk = d.bus.walkM === null ? 0 : clamp(1 - d.bus.walkM / 2000);
		return (walk + clamp(d.bus.departures / 24)) / 2;
	}
	const distance = d.busStopDistanceM === null ? 0.5 : clamp(1 - d.busStopDistanceM / 2000);
	const departures = d.busDeparturesPerWeekday === null ? 0.5 : clamp(d.busDeparturesPerWeekday / 24);
	return (distance + departures) / 2;
}

/** enough bedrooms, and not much too large either */
const bedroomPart = (wanted: number, bedrooms: number) =>
	bedrooms >= wanted ? clamp(1 - (bedrooms - wanted) / 3) : clamp(1 - (wanted - bedrooms) / 2);

const localityPart = (n: HouseholdNeeds, locality: string) => (n.preferred.size === 0 ? 0.5 : n.preferred.has(locality) ? 1 : 0);

/**
 * a household that needs a health centre nearby earns the part in a locality staff marked
 * as near one; a household that does not need it earns it anywhere (as the school part
 * does for a household without children), so it ranks no dwelling above another
 */
const healthPart = (n: HouseholdNeeds, locality: string, ctx: MatchingContext) =>
	!n.healthCentre || ctx.healthCentreLocalities?.has(locality) ? 1 : 0;

function sharedLanguages(n: HouseholdNeeds, locality: string, ctx: MatchingContext): string[] {
	const spoken = ctx.languagesByLocality?.get(locality);
	return spoken ? n.languages.filter((l) => spoken.has(l)) : [];
}

const largestCap = (ctx: MatchingContext) => (ctx.rentCaps.size ? Math.max(...ctx.rentCaps.keys()) : undefined);

/**
 * A scorer for many pairs of one batch: what depends on the dwelling alone (bus, district,
 * locality) and on the household alone (needs, and per locality the preference and the
 * language community) is worked out once; each pair then costs a few additions. Same
 * parts, same total as scoreTotal.
 */
export function batchScorer(ctx: MatchingContext, dwellings: DwellingInput[]) {
	const w = ctx.weights;
	const largest = largestCap(ctx);
	const localities = [...new Set(dwellings.map((d) => d.locality))];
	const localityOf = new Int32Array(dwellings.map((d) => localities.indexOf(d.locality)));
	const bus = Float64Array.from(dwellings, (d) => w.bus * busPart(d));
	const district = dwellings.map((d) => (d.districtId ? ctx.districts.get(d.districtId) : undefined));
	return (n: HouseholdNeeds) => {
		const cap = capFor(n.size, ctx.rentCaps, largest);
		const place = Float64Array.from(
			localities,
			(l) => w.locality * localityPart(n, l) + (sharedLanguages(n, l, ctx).length ? w.language : 0) + w.health * healthPart(n, l, ctx)
		);
		return (j: number) => {
			const d = dwellings[j];
			const total =
				1 +
				w.school * schoolPart(n, district[j]) +
				w.rent * rentPart(d.rent, cap) +
				bus[j] +
				w.bedrooms * bedroomPart(n.bedroomsWanted, d.bedrooms) +
				place[localityOf[j]];
			return Math.round(total * 100) / 100;
		};
	};
}

/** the total alone; every feasible pair is worth more than no placement (the 1) */
export function scoreTotal(n: HouseholdNeeds, d: DwellingInput, ctx: MatchingContext, largest = largestCap(ctx)): number {
	const w = ctx.weights;
	const district = d.districtId ? ctx.districts.get(d.districtId) : undefined;
	const total =
		1 +
		w.school * schoolPart(n, district) +
		w.rent * rentPart(d.rent, capFor(n.size, ctx.rentCaps, largest)) +
		w.bus * busPart(d) +
		w.bedrooms * bedroomPart(n.bedroomsWanted, d.bedrooms) +
		w.locality * localityPart(n, d.locality) +
		(sharedLanguages(n, d.locality, ctx).length ? w.language : 0) +
		w.health * healthPart(n, d.locality, ctx);
	return Math.round(total * 100) / 100;
}

/** the total with its reasons, for staff */
export function score(h: HouseholdInput, d: DwellingInput, ctx: MatchingContext): Scored {
	const w = ctx.weights;
	const n = needsOf(h);
	const district = d.districtId ? ctx.districts.get(d.districtId) : undefined;
	const children = n.kindergarten + n.primary + n.lowerSecondary;
	const school = schoolPart(n, district);
	const cap = capFor(n.size, ctx.rentCaps, largestCap(ctx));
	const shared = sharedLanguages(n, d.locality, ctx);
	const reasons: Reason[] = [
		{
			part: 'school',
			points: w.school * school,
			max: w.school,
			detail: { children, district: district?.name ?? '', covered: Math.round(school * children) }
		},
		{ part: 'rent', points: w.rent * rentPart(d.rent, cap), max: w.rent, detail: { rent: d.rent, cap: cap ?? 0 } },
		{
			part: 'bus',
			points: w.bus * busPart(d),
			max: w.bus,
			// from the timetable where it says something, else the landlord's own figures (-1: not given)
			detail: d.bus
				? {
						source: 'timetable',
						stop: d.bus.stop ?? '',
						distance: d.bus.walkM ?? -1,
						departures: d.bus.departures,
						first: d.bus.first ?? -1,
						last: d.bus.last ?? -1
					}
				: { distance: d.busStopDistanceM ?? -1, departures: d.busDeparturesPerWeekday ?? -1 }
		},
		{
			part: 'bedrooms',
			points: w.bedrooms * bedroomPart(n.bedroomsWanted, d.bedrooms),
			max: w.bedrooms,
			detail: { bedrooms: d.bedrooms, wanted: n.bedroomsWanted }
		},
		{
			part: 'locality',
			points: w.locality * localityPart(n, d.locality),
			max: w.locality,
			detail: { locality: d.locality, asked: n.preferred.size > 0 }
		},
		{ part: 'language', points: shared.length ? w.language : 0, max: w.language, detail: { shared: shared.join(', ') } },
		{
			part: 'health',
			points: w.health * healthPart(n, d.locality, ctx),
			max: w.health,
			detail: { asked: h.needsHealthCentre, near: ctx.healthCentreLocalities?.has(d.locality) ?? false, locality: d.locality }
		},
		// the hard constraint, kept: what it rests on, for no points (floor -1: not given)
		{ part: 'floor', points: 0, max: 0, detail: { asked: h.needsGroundFloor, floor: d.floor ?? -1, lift: d.lift } }
	];
	return { total: scoreTotal(n, d, ctx), reasons };
}
