import { describe, expect, it } from 'vitest';
import { batch, dwellingsFor, feasible, householdsFor, needsOf, pairKey, score, violations } from './index';
import { solve } from './assign';
import { batchScorer } from './score';
import { instance, rng } from './random';
import { DEFAULT_WEIGHTS, type DwellingInput, type HouseholdInput, type MatchingContext } from './types';

const ctx: MatchingContext = {
	districts: new Map([
		['lid', { id: 'lid', name: 'Lid skulekrins', primarySchoolPlaces: 1, lowerSecondaryPlaces: 0, kindergartenPlaces: 2 }]
	]),
	rentCaps: new Map([
		[1, 9500],
		[2, 11500],
		[3, 13000],
		[4, 14500]
	]),
	crowdedMargin: 0,
	weights: DEFAULT_WEIGHTS
};

const family = (over: Partial<HouseholdInput> = {}): HouseholdInput => ({
	id: 'h',
	members: [
		{ band: 'adult', age: null },
		{ band: 'adult', age: null },
		{ band: 'child', age: 8 },
		{ band: 'child', age: 3 }
	],
	needsStepFree: false,
	needsGroundFloor: false,
	needsHealthCentre: false,
	hasPets: false,
	expectedArrival: '2027-03-01',
	preferredLocalities: [],
	languages: ['uk'],
	...over
});

const home = (over: Partial<DwellingInput> = {}): DwellingInput => ({
	id: 'd',
	status: 'approved',
	beds: 4,
	maxOccupants: 4,
	bedrooms: 2,
	stepFree: false,
	floor: 1,
	lift: false,
	petsAllowed: false,
	availableFrom: '2027-02-01',
	availableUntil: null,
	locality: 'Lid',
	districtId: 'lid',
	rent: 12000,
	busStopDistanceM: 300,
	busDeparturesPerWeekday: 24,
	...over
});

describe('hard constraints', () => {
	it('wants beds and room for everyone, with the crowded margin only when an admin allows it', () => {
		expect(violations(family(), home({ beds: 3 }), ctx)).toEqual(['too_small']);
		expect(violations(family(), home({ maxOccupants: 3 }), ctx)).toEqual(['too_small']);
		expect(violations(family(), home({ beds: 3, maxOccupants: 3 }), { ...ctx, crowdedMargin: 1 })).toEqual([]);
	});

	it('wants the dwelling free by the expected arrival, and still free then', () => {
		expect(violations(family(), home({ availableFrom: '2027-03-02' }), ctx)).toEqual(['not_available_in_time']);
		expect(violations(family(), home({ availableUntil: '2027-02-28' }), ctx)).toEqual(['ends_before_arrival']);
	});

	it('wants step-free access and pets allowed when the household needs them', () => {
		expect(violations(family({ needsStepFree: true }), home(), ctx)).toEqual(['not_step_free']);
		expect(violations(family({ hasPets: true }), home(), ctx)).toEqual(['no_pets']);
		expect(feasible(family({ needsStepFree: true, hasPets: true }), home({ stepFree: true, petsAllowed: true }), ctx)).toBe(true);
	});

	it('wants a ground floor when the household needs one: floor 1 (street level), or any floor with a lift', () => {
		const needs = family({ needsGroundFloor: true });
		expect(violations(needs, home({ floor: 1 }), ctx)).toEqual([]);
		expect(violations(needs, home({ floor: 3 }), ctx)).toEqual(['not_ground_floor']);
		// an underetasje is not street level either
		expect(violations(needs, home({ floor: 0 }), ctx)).toEqual(['not_ground_floor']);
		expect(violations(needs, home({ floor: 3, lift: true }), ctx)).toEqual([]);
		// a household that does not ask for it takes any floor
		expect(violations(family(), home({ floor: 3 }), ctx)).toEqual([]);
	});

	it('counts a floor never given as not a ground floor, and says it is unknown, unless there is a lift', () => {
		const needs = family({ needsGroundFloor: true });
		expect(violations(needs, home({ floor: null }), ctx)).toEqual(['floor_unknown']);
		expect(violations(needs, home({ floor: null, lift: true }), ctx)).toEqual([]);
		expect(violations(family(), home({ floor: null }), ctx)).toEqual([]);
	});

	it('wants the departures a household needs near the dwelling, by the timetable', () => {
		const needs = family({ needsDepartures: 20 });
		const bus = (departures: number) => ({ stop: 'Straumvik terminal', walkM: 350, departures, first: 370, last: 1420 });
		expect(violations(needs, home({ bus: bus(20) }), ctx)).toEqual([]);
		expect(violations(needs, home({ bus: bus(19) }), ctx)).toEqual(['too_few_departures']);
		// the landlord's own figure does not count: the timetable says nothing, so it is not known
		expect(violations(needs, home({ bus: null, busDeparturesPerWeekday: 40 }), ctx)).toEqual(['departures_unknown']);
		// a household without the need takes a dwelling with no bus
		expect(violations(family(), home({ bus: bus(0) }), ctx)).toEqual([]);
		expect(violations(family({ needsDepartures: null }), home({ bus: null }), ctx)).toEqual([]);
	});

	it('never offers a dwelling that is not free', () => {
		for (const status of ['withdrawn', 'let', 'proposed', 'submitted'])
			expect(violations(family(), home({ status }), ctx)).toEqual(['not_free']);
		expect(violations(family(), home(), { ...ctx, promisedDwellings: new Set(['d']) })).toEqual(['not_free']);
	});
});

describe('score parts', () => {
	const part = (h: HouseholdInput, d: DwellingInput, name: string) => score(h, d, ctx).reasons.find((r) => r.part === name)!.points;

	it('counts school and kindergarten places free for the children', () => {
		// one primary place, two kindergarten places: both children covered
		expect(part(family(), home(), 'school')).toBe(30);
		// a lower-secondary child where there is no place: half covered
		expect(
			part(
				family({
					members: [
						{ band: 'adult', age: null },
						{ band: 'child', age: 14 },
						{ band: 'child', age: 8 }
					]
				}),
				home(),
				'school'
			)
		).toBe(15);
		expect(part(family(), home({ districtId: null }), 'school')).toBe(0);
	});

	it('gives rent points only within the cap for the household size', () => {
		expect(part(family(), home({ rent: 14500 }), 'rent')).toBe(20);
		expect(part(family(), home({ rent: 14501 }), 'rent')).toBe(0);
	});

	it('prefers a bus stop close by with frequent departures', () => {
		expect(part(family(), home({ busStopDistanceM: 0, busDeparturesPerWeekday: 24 }), 'bus')).toBe(15);
		expect(part(family(), home({ busStopDistanceM: 2000, busDeparturesPerWeekday: 0 }), 'bus')).toBe(0);
	});

	it('scores the bus from the timetable where it has figures, not from what the landlord typed', () => {
		const typed = { busStopDistanceM: 0, busDeparturesPerWeekday: 24 };
		const none = { stop: null, walkM: null, departures: 0, first: null, last: null };
		expect(part(family(), home({ ...typed, bus: none }), 'bus')).toBe(0);
		const near = { stop: 'Lid skule', walkM: 1000, departures: 48, first: 372, last: 1428 };
		// half the walk points at 1,000 m, every departure point from 24 a day
		expect(part(family(), home({ ...typed, bus: near }), 'bus')).toBe(11.25);
		const reason = score(family(), home({ bus: near }), ctx).reasons.find((r) => r.part === 'bus')!;
		expect(reason.detail).toEqual({ source: 'timetable', stop: 'Lid skule', distance: 1000, departures: 48, first: 372, last: 1428 });
	});

	it('fits bedrooms: enough, and not much too large either', () => {
		expect(part(family(), home({ bedrooms: 2 }), 'bedrooms')).toBe(15);
		expect(part(family(), home({ bedrooms: 5 }), 'bedrooms')).toBe(0);
		expect(part(family(), home({ bedrooms: 1 }), 'bedrooms')).toBe(7.5);
	});

	it('rewards a preferred locality and others who speak the language', () => {
		expect(part(family({ preferredLocalities: ['Lid'] }), home(), 'locality')).toBe(10);
		expect(part(family({ preferredLocalities: ['Vågøy'] }), home(), 'locality')).toBe(0);
		const withCommunity = { ...ctx, languagesByLocality: new Map([['Lid', new Set(['uk'])]]) };
		expect(score(family(), home(), withCommunity).reasons.find((r) => r.part === 'language')!.points).toBe(10);
	});

	it('rewards a locality marked near a health centre for a household that needs one, and ranks nothing by it for others', () => {
		const marked = { ...ctx, healthCentreLocalities: new Set(['Lid']) };
		const needs = family({ needsHealthCentre: true });
		expect(part(needs, home(), 'health')).toBe(0);
		const near = score(needs, home(), marked).reasons.find((r) => r.part === 'health')!;
		expect(near).toEqual({ part: 'health', points: 10, max: 10, detail: { asked: true, near: true, locality: 'Lid' } });
		expect(score(needs, home({ locality: 'Vågøy' }), marked).reasons.find((r) => r.part === 'health')!.points).toBe(0);
		// the same points wherever it lives, for a household that did not ask
		expect(score(family(), home(), marked).reasons.find((r) => r.part === 'health')!.points).toBe(10);
		expect(score(family(), home({ locality: 'Vågøy' }), marked).reasons.find((r) => r.part === 'health')!.points).toBe(10);
		// and it moves a household that needs one to the dwelling near one
		const [d1, d2] = [home({ id: 'd1', locality: 'Vågøy' }), home({ id: 'd2' })];
		expect(dwellingsFor(needs, [d1, d2], marked).map((s) => s.dwelling.id)).toEqual(['d2', 'd1']);
	});

	it('tells the ground floor as a kept requirement, without points, with the floor and the lift', () => {
		const needs = family({ needsGroundFloor: true });
		const floorOf = (h: HouseholdInput, d: DwellingInput) => score(h, d, ctx).reasons.find((r) => r.part === 'floor');
		expect(floorOf(needs, home({ floor: 4, lift: true }))).toEqual({
			part: 'floor',
			points: 0,
			max: 0,
			detail: { asked: true, floor: 4, lift: true }
		});
		expect(floorOf(family(), home({ floor: null }))!.detail).toEqual({ asked: false, floor: -1, lift: false });
		// a pair that breaks it is not suggested at all
		expect(dwellingsFor(needs, [home({ floor: 3 }), home({ id: 'd2', floor: 3, lift: true })], ctx).map((s) => s.dwelling.id)).toEqual([
			'd2'
		]);
	});
});

// the best total over every way of placing households (or not), by trying them all
function bruteForce(hs: HouseholdInput[], ds: DwellingInput[], c: MatchingContext, excluded = new Set<string>()) {
	let best = 0;
	const used = new Set<string>();
	const go = (i: number, total: number) => {
		if (i === hs.length) {
			best = Math.max(best, total);
			return;
		}
		go(i + 1, total);
		for (const d of ds) {
			if (used.has(d.id) || excluded.has(`${hs[i].id}|${d.id}`) || !feasible(hs[i], d, c)) continue;
			used.add(d.id);
			go(i + 1, total + score(hs[i], d, c).total);
			used.delete(d.id);
		}
	};
	go(0, 0);
	return best;
}

describe('batch proposal', () => {
	it('equals the brute-force optimum on 250 random small instances, never breaking a constraint', () => {
		const r = rng(7);
		for (let seed = 0; seed < 250; seed++) {
			const { households, dwellings, ctx: c } = instance(seed, 1 + Math.floor(r() * 6), 1 + Math.floor(r() * 6));
			const result = batch(households, dwellings, c);
			expect(result.total, `seed ${seed}`).toBeCloseTo(bruteForce(households, dwellings, c), 6);
			const usedDwellings = new Set<string>();
			for (const a of result.assignments) {
				const h = households.find((x) => x.id === a.householdId)!;
				const d = dwellings.find((x) => x.id === a.dwellingId)!;
				expect(feasible(h, d, c)).toBe(true);
				expect(usedDwellings.has(d.id)).toBe(false);
				usedDwellings.add(d.id);
			}
			expect(result.assignments.length + result.unplaced.length).toBe(households.length);
		}
	});

	it('reaches the same optimum when it starts from very few candidates and grows them in rounds', () => {
		for (let seed = 500; seed < 560; seed++) {
			const { households, dwellings, ctx: c } = instance(seed, 7, 9);
			const scores = new Float64Array(households.length * dwellings.length);
			households.forEach((h, i) =>
				dwellings.forEach((d, j) => {
					if (feasible(h, d, c)) scores[i * dwellings.length + j] = score(h, d, c).total;
				})
			);
			const total = (assignment: Int32Array) =>
				[...assignment].reduce((sum, j, i) => sum + (j < dwellings.length ? scores[i * dwellings.length + j] : 0), 0);
			const best = Math.max(...scores) + 1;
			const grown = solve(scores, households.length, dwellings.length, best, 1, 1);
			expect(total(grown), `seed ${seed}`).toBeCloseTo(bruteForce(households, dwellings, c), 6);
			expect(new Set([...grown].filter((j) => j < dwellings.length)).size).toBe([...grown].filter((j) => j < dwellings.length).length);
		}
	});

	it('reaches the optimum of one solve over every pair when later rounds only redo the households that gained a pair', () => {
		for (let seed = 600; seed < 700; seed++) {
			const [n, m] = [20 + (seed % 7) * 5, 30 + (seed % 5) * 10];
			const { households, dwellings, ctx: c } = instance(seed, n, m);
			const scores = new Float64Array(n * m);
			households.forEach((h, i) =>
				dwellings.forEach((d, j) => {
					if (feasible(h, d, c)) scores[i * m + j] = score(h, d, c).total;
				})
			);
			const total = (assignment: Int32Array) => [...assignment].reduce((sum, j, i) => sum + (j < m ? scores[i * m + j] : 0), 0);
			const best = Math.max(...scores) + 1;
			const whole = solve(scores, n, m, best, m, 1); // every pair from the start: one round
			const grown = solve(scores, n, m, best, 1 + (seed % 3), 1 + (seed % 4));
			expect(total(grown), `seed ${seed}`).toBeCloseTo(total(whole), 6);
			const used = [...grown].filter((j) => j < m);
			expect(new Set(used).size).toBe(used.length);
			for (const [i, j] of grown.entries()) if (j < m) expect(scores[i * m + j]).toBeGreaterThan(0);
		}
	});

	it('keeps locked pairs and never uses excluded ones', () => {
		for (let seed = 300; seed < 360; seed++) {
			const { households, dwellings, ctx: c } = instance(seed, 5, 5);
			const pairs = households.flatMap((h) =>
				dwellings.filter((d) => feasible(h, d, c)).map((d) => ({ householdId: h.id, dwellingId: d.id }))
			);
			if (pairs.length < 2) continue;
			const [locked, excludedPair] = [pairs[0], pairs[pairs.length - 1]];
			if (locked.householdId === excludedPair.householdId || locked.dwellingId === excludedPair.dwellingId) continue;
			const result = batch(households, dwellings, c, { locked: [locked], excluded: [excludedPair] });
			expect(result.assignments).toContainEqual(expect.objectContaining(locked));
			expect(result.assignments).not.toContainEqual(expect.objectContaining(excludedPair));
			// optimal among the rest, with the excluded pair removed
			const rest = batch(
				households.filter((h) => h.id !== locked.householdId),
				dwellings.filter((d) => d.id !== locked.dwellingId),
				c,
				{ excluded: [excludedPair] }
			);
			const lockedScore = result.assignments.find((a) => a.householdId === locked.householdId)!.score;
			expect(result.total).toBeCloseTo(rest.total + lockedScore, 6);
		}
	});

	it('never suggests or assigns a pair the landlord declined, not even when it is locked', () => {
		const closed: MatchingContext = { ...ctx, declined: new Set([pairKey('h', 'd')]) };
		const [h, h2, d, d2] = [family(), family({ id: 'h2' }), home(), home({ id: 'd2', rent: 14000 })];
		// without the decline, h gets d (the better rent); with it, h gets d2, and d goes to h2
		expect(batch([h], [d, d2], ctx).assignments).toEqual([expect.objectContaining({ householdId: 'h', dwellingId: 'd' })]);
		expect(batch([h], [d, d2], closed).assignments).toEqual([expect.objectContaining({ householdId: 'h', dwellingId: 'd2' })]);
		expect(batch([h, h2], [d], closed).assignments).toEqual([expect.objectContaining({ householdId: 'h2', dwellingId: 'd' })]);
		expect(batch([h], [d], closed)).toEqual({ assignments: [], unplaced: [{ householdId: 'h', reason: 'no_dwellings' }], total: 0 });
		const locked = batch([h], [d], closed, { locked: [{ householdId: 'h', dwellingId: 'd' }] });
		expect(locked.assignments).toEqual([]);
		expect(locked.unplaced).toEqual([{ householdId: 'h', reason: 'locked_conflict' }]);
		// the suggestions on either side leave it out too; other pairs stay
		expect(dwellingsFor(h, [d, d2], closed).map((s) => s.dwelling.id)).toEqual(['d2']);
		expect(householdsFor(d, [h, h2], closed).map((s) => s.household.id)).toEqual(['h2']);
		expect(dwellingsFor(h2, [d, d2], closed).map((s) => s.dwelling.id)).toHaveLength(2);
	});

	it('says why a household could not be placed', () => {
		const result = batch([family({ needsStepFree: true }), family({ id: 'h2' })], [home()], ctx);
		expect(result.assignments.map((a) => a.householdId)).toEqual(['h2']);
		expect(result.unplaced).toEqual([{ householdId: 'h', reason: 'not_step_free' }]);
		const high = batch([family({ needsGroundFloor: true })], [home({ floor: 3 }), home({ id: 'd2', floor: 5 })], ctx);
		expect(high.unplaced).toEqual([{ householdId: 'h', reason: 'not_ground_floor' }]);
		const crowded = batch([family(), family({ id: 'h2' })], [home()], ctx);
		expect(crowded.unplaced).toEqual([{ householdId: expect.any(String), reason: 'others_fit_better' }]);
	});

	it('is not greedy: it gives up a best pair when two good pairs are worth more', () => {
		// h1 scores best on d1, but h2 fits only d1; the optimum gives d1 to h2 and d2 to h1
		const h1 = family({ id: 'h1', preferredLocalities: ['Lid'] });
		const h2 = family({ id: 'h2', needsStepFree: true });
		const d1 = home({ id: 'd1', stepFree: true });
		const d2 = home({ id: 'd2', locality: 'Nesheim', districtId: null, stepFree: false });
		const result = batch([h1, h2], [d1, d2], ctx);
		expect(result.assignments.map((a) => `${a.householdId}→${a.dwellingId}`).sort()).toEqual(['h1→d2', 'h2→d1']);
	});
});

describe('the batch scorer', () => {
	it('gives every pair the same total as the explained score', () => {
		const { households, dwellings, ctx: c } = instance(99, 30, 60);
		const scorerFor = batchScorer(c, dwellings);
		for (const h of households) {
			const scoreOf = scorerFor(needsOf(h));
			dwellings.forEach((d, j) => expect(scoreOf(j)).toBe(score(h, d, c).total));
		}
	});
});
