// Random but realistic instances, from a seed: for the engine's tests and its benchmark.
import type { DistrictInput, DwellingInput, HouseholdInput, MatchingContext } from './types';
import { DEFAULT_WEIGHTS } from './types';

/** a small, fast, seedable generator (mulberry32) */
export function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const LOCALITIES = ['Straumvik', 'Lid', 'Nesheim', 'Haugland', 'Sætre', 'Vågøy'];
const LANGUAGES = ['uk', 'ru', 'ar', 'fa', 'ti', 'en'];

export function instance(seed: number, households: number, dwellings: number) {
	const r = rng(seed);
	const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
	const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
	const date = (offsetDays: number) => new Date(Date.UTC(2027, 0, 1) + offsetDays * 86400_000).toISOString().slice(0, 10);

	const districts: DistrictInput[] = LOCALITIES.map((name, i) => ({
		id: `district-${i}`,
		name,
		primarySchoolPlaces: int(0, 15),
		lowerSecondaryPlaces: int(0, 8),
		kindergartenPlaces: int(0, 8)
	}));

	const hs: HouseholdInput[] = Array.from({ length: households }, (_, i) => {
		const adults = int(1, 2);
		const children = r() < 0.6 ? int(1, 4) : 0;
		const elderly = r() < 0.15 ? 1 : 0;
		return {
			id: `h${i}`,
			members: [
				...Array.from({ length: adults }, () => ({ band: 'adult' as const, age: null })),
				...Array.from({ length: children }, () => ({ band: 'child' as const, age: int(0, 17) })),
				...Array.from({ length: elderly }, () => ({ band: 'elderly' as const, age: null }))
			],
			needsStepFree: elderly > 0 || r() < 0.05,
			needsGroundFloor: elderly > 0 || r() < 0.1,
			needsHealthCentre: elderly > 0 || r() < 0.15,
			hasPets: r() < 0.1,
			expectedArrival: date(int(0, 120)),
			preferredLocalities: r() < 0.25 ? [pick(LOCALITIES)] : [],
			languages: [pick(LANGUAGES)]
		};
	});

	const ds: DwellingInput[] = Array.from({ length: dwellings }, (_, i) => {
		const bedrooms = int(1, 5);
		const beds = bedrooms + int(0, 3);
		const locality = pick(LOCALITIES);
		return {
			id: `d${i}`,
			status: r() < 0.95 ? 'approved' : 'withdrawn',
			beds,
			maxOccupants: beds + int(0, 1),
			bedrooms,
			stepFree: r() < 0.3,
			// mostly low houses; one in ten offers without a floor given
			floor: r() < 0.1 ? null : pick([0, 1, 1, 1, 2, 2, 3, 4, 6]),
			lift: r() < 0.2,
			petsAllowed: r() < 0.4,
			availableFrom: date(int(-30, 150)),
			availableUntil: r() < 0.2 ? date(int(60, 400)) : null,
			locality,
			districtId: `district-${LOCALITIES.indexOf(locality)}`,
			rent: int(6000, 18000),
			busStopDistanceM: int(50, 3000),
			busDeparturesPerWeekday: pick([0, 2, 6, 12, 24, 40])
		};
	});

	const ctx: MatchingContext = {
		districts: new Map(districts.map((d) => [d.id, d])),
		rentCaps: new Map([
			[1, 9500],
			[2, 11500],
			[3, 13000],
			[4, 14500],
			[5, 16000],
			[6, 17000]
		]),
		crowdedMargin: 0,
		weights: DEFAULT_WEIGHTS,
		languagesByLocality: new Map([
			['Straumvik', new Set(['uk', 'ru'])],
			['Lid', new Set(['ar'])]
		]),
		healthCentreLocalities: new Set(['Straumvik', 'Nesheim'])
	};
	return { households: hs, dwellings: ds, ctx };
}
