// The batch proposal: for all unmatched households and all free dwellings, the assignment
// with the highest total score (optimal, by the Hungarian method on the feasible pairs),
// honouring pairs staff locked (always in) and excluded (never in), and never a pair the
// landlord declined (until staff reopen it); households that cannot be placed are listed
// with the reason.
import { declined, feasible, violationMask, violations } from './constraints';
import { sparseMinCostAssignment, type AssignmentState } from './hungarian';
import { batchScorer, needsOf, score } from './score';
import type { DwellingInput, HouseholdInput, MatchingContext, Violation } from './types';

export type Pair = { householdId: string; dwellingId: string };

export type BatchResult = {
	assignments: (Pair & { score: number })[];
	unplaced: { householdId: string; reason: Violation | 'no_dwellings' | 'others_fit_better' | 'locked_conflict' }[];
	total: number;
};

const key = (h: string, d: string) => `${h}\u0000${d}`;

/** the declined pairs of the context, as the dwellings declined for each household */
function declinedByHousehold(ctx: MatchingContext): Map<string, Set<string>> {
	const byHousehold = new Map<string, Set<string>>();
	for (const pair of ctx.declined ?? []) {
		const [h, d] = pair.split(':');
		const set = byHousehold.get(h) ?? new Set<string>();
		set.add(d);
		byHousehold.set(h, set);
	}
	return byHousehold;
}

export function batch(
	households: HouseholdInput[],
	dwellings: DwellingInput[],
	ctx: MatchingContext,
	options: { locked?: Pair[]; excluded?: Pair[] } = {}
): BatchResult {
	const excluded = new Set((options.excluded ?? []).map((p) => key(p.householdId, p.dwellingId)));
	const result: BatchResult = { assignments: [], unplaced: [], total: 0 };

	// locked pairs go in first; their households and dwellings leave the problem
	const takenH = new Set<string>();
	const takenD = new Set<string>();
	const byId = new Map(households.map((h) => [h.id, h]));
	const dwellingById = new Map(dwellings.map((d) => [d.id, d]));
	for (const pair of options.locked ?? []) {
		const h = byId.get(pair.householdId);
		const d = dwellingById.get(pair.dwellingId);
		if (!h || !d || takenH.has(h.id) || takenD.has(d.id) || !feasible(h, d, ctx) || declined(h, d, ctx)) {
			if (h && !takenH.has(h.id)) {
				result.unplaced.push({ householdId: h.id, reason: 'locked_conflict' });
				takenH.add(h.id);
			}
			continue;
		}
		const s = score(h, d, ctx).total;
		result.assignments.push({ householdId: h.id, dwellingId: d.id, score: s });
		result.total += s;
		takenH.add(h.id);
		takenD.add(d.id);
	}

	const rows = households.filter((h) => !takenH.has(h.id));
	const cols = dwellings.filter((d) => !takenD.has(d.id));
	if (rows.length === 0) return result;

	// the score of every feasible pair (0: not feasible, excluded, or declined)
	const scores = new Float64Array(rows.length * cols.length);
	const scorerFor = batchScorer(ctx, cols);
	const declinedFor = declinedByHousehold(ctx);
	let best = 0;
	for (let i = 0; i < rows.length; i++) {
		const h = rows[i];
		const scoreOf = scorerFor(needsOf(h));
		const closed = declinedFor.get(h.id);
		for (let j = 0; j < cols.length; j++) {
			const d = cols[j];
			if (violationMask(h, d, ctx) !== 0 || (excluded.size && excluded.has(key(h.id, d.id))) || closed?.has(d.id)) continue;
			const s = scoreOf(j);
			scores[i * cols.length + j] = s;
			if (s > best) best = s;
		}
	}

	const assignment = solve(scores, rows.length, cols.length, best + 1);

	for (let i = 0; i < rows.length; i++) {
		const j = assignment[i];
		const s = j >= 0 && j < cols.length ? scores[i * cols.length + j] : 0;
		if (s > 0) {
			result.assignments.push({ householdId: rows[i].id, dwellingId: cols[j].id, score: s });
			result.total += s;
		} else result.unplaced.push({ householdId: rows[i].id, reason: whyNot(rows[i], cols, ctx, excluded, declinedFor.get(rows[i].id)) });
	}
	result.total = Math.round(result.total * 100) / 100;
	return result;
}

// the most common reason the household fits no dwelling, or that its fits went to others
function whyNot(h: HouseholdInput, dwellings: DwellingInput[], ctx: MatchingContext, excluded: Set<string>, closed?: Set<string>) {
	if (dwellings.length === 0) return 'no_dwellings' as const;
	const counts = new Map<Violation, number>();
	let anyFeasible = false;
	for (const d of dwellings) {
		if (excluded.has(key(h.id, d.id)) || closed?.has(d.id)) continue;
		const v = violations(h, d, ctx);
		if (v.length === 0) anyFeasible = true;
		for (const x of v) counts.set(x, (counts.get(x) ?? 0) + 1);
	}
	if (anyFeasible) return 'others_fit_better' as const;
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ('no_dwellings' as const);
}

// Each household starts with only its best CANDIDATES dwellings; the solution is then
// checked against every feasible pair with the duals (column prices) the solver leaves:
// a pair left out that could improve the total shows up as a negative reduced cost, is
// added, and only the households that gained a pair are solved again (a warm start from
// the last round's prices, see hungarian.ts). When no such pair remains, the assignment is
// optimal for the whole instance, not just the candidates.
const CANDIDATES = 40;
const ADD_PER_ROUND = 20;

/** the k columns of a row with the smallest value (of those `value` does not skip with NaN) */
function smallest(m: number, k: number, value: (j: number) => number, out: Int32Array, keys: Float64Array): number {
	let count = 0;
	for (let j = 0; j < m; j++) {
		const r = value(j);
		if (Number.isNaN(r) || (count === k && r >= keys[count - 1])) continue;
		let at = count < k ? count++ : count - 1;
		while (at > 0 && keys[at - 1] > r) {
			keys[at] = keys[at - 1];
			out[at] = out[at - 1];
			at--;
		}
		keys[at] = r;
		out[at] = j;
	}
	return count;
}

export function solve(
	scores: Float64Array,
	n: number,
	m: number,
	ceiling: number,
	candidates = CANDIDATES,
	addPerRound = ADD_PER_ROUND
): Int32Array {
	const included = new Uint8Array(n * m);
	const chosen: number[][] = Array.from({ length: n }, () => []); // the included columns of each row
	const picked = new Int32Array(Math.max(candidates, addPerRound));
	const keys = new Float64Array(picked.length);
	const include = (i: number, count: number) => {
		for (let k = 0; k < count; k++) {
			included[i * m + picked[k]] = 1;
			chosen[i].push(picked[k]);
		}
	};
	for (let i = 0; i < n; i++) {
		const row = i * m;
		include(
			i,
			smallest(m, candidates, (j) => (scores[row + j] > 0 ? -scores[row + j] : NaN), picked, keys)
		);
	}
	let state: AssignmentState | undefined;
	let redo: Int32Array | undefined;
	for (;;) {
		// min-cost form: cost = ceiling − score on each pair, and every household has a
		// column of its own at the ceiling (staying unplaced is worth a score of 0)
		let edges = n;
		for (const list of chosen) edges += list.length;
		const start = new Int32Array(n + 1);
		const col = new Int32Array(edges);
		const cost = new Float64Array(edges);
		let e = 0;
		for (let i = 0; i < n; i++) {
			start[i] = e;
			for (const j of chosen[i]) {
				col[e] = j;
				cost[e++] = ceiling - scores[i * m + j];
			}
			col[e] = m + i;
			cost[e++] = ceiling;
		}
		start[n] = e;
		// after the first round only the households that gained a pair are solved again
		state = sparseMinCostAssignment(n, m + n, start, col, cost, state && redo ? { ...state, redo } : undefined);
		const { rowCol, price } = state;

		// per household, add the few left-out pairs that would improve the total most
		const gained: number[] = [];
		for (let i = 0; i < n; i++) {
			const held = rowCol[i];
			const paid = (held >= m ? ceiling : ceiling - scores[i * m + held]) - price[held];
			const row = i * m;
			const count = smallest(
				m,
				addPerRound,
				(j) => {
					const s = scores[row + j];
					if (s <= 0 || included[row + j]) return NaN;
					const r = ceiling - s - paid - price[j];
					return r < -1e-9 ? r : NaN;
				},
				picked,
				keys
			);
			include(i, count);
			if (count > 0) gained.push(i);
		}
		if (gained.length === 0) return rowCol;
		redo = Int32Array.from(gained);
	}
}
