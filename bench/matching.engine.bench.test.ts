// npm run bench:matching — the batch proposal on random realistic instances:
// 300 households × 1,000 dwellings (goal ≤ 100 ms) and 2,000 × 5,000 (goal ≤ 2 s), and
// munkres-js on the same 300 × 1,000 instance (dense, infeasible = a large cost) for the
// same optimum and the speed ratio (goal: ours ≥ 10× faster). Prints; fails only if the
// two optima differ or a constraint is broken.
import { cpus } from 'node:os';
import computeMunkres from 'munkres-js';
import { describe, expect, it } from 'vitest';
import { batch, feasible, score } from '../src/lib/server/matching';
import { instance } from '../src/lib/server/matching/random';

const ms = (t0: number) => performance.now() - t0;
const lines: string[] = [];

describe('matching benchmark', () => {
	it('batch-assigns realistic instances and matches munkres-js on the optimum', () => {
		lines.push(
			`matching benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version})`
		);
		for (const [h, d, goal] of [
			[300, 1000, 100],
			[2000, 5000, 2000]
		] as const) {
			const { households, dwellings, ctx } = instance(42 + h, h, d);
			batch(households.slice(0, 20), dwellings.slice(0, 50), ctx); // warm up the JIT
			const t0 = performance.now();
			const result = batch(households, dwellings, ctx);
			const time = ms(t0);
			for (const a of result.assignments) {
				const hh = households.find((x) => x.id === a.householdId)!;
				const dd = dwellings.find((x) => x.id === a.dwellingId)!;
				expect(feasible(hh, dd, ctx)).toBe(true);
			}
			lines.push(
				`  ${h} × ${d}: ${time.toFixed(0)} ms (goal ≤ ${goal} ms: ${time <= goal ? 'met' : 'NOT met'}), placed ${result.assignments.length}, total score ${result.total}`
			);

			if (h === 300) {
				// munkres-js on the same instance: a dense square cost matrix, infeasible = large
				const big = 1e6;
				const n = Math.max(h, d);
				const t1 = performance.now();
				const matrix = Array.from({ length: n }, (_, i) =>
					Array.from({ length: n }, (_, j) => {
						if (i >= h || j >= d || !feasible(households[i], dwellings[j], ctx)) return big;
						return big - score(households[i], dwellings[j], ctx).total;
					})
				);
				const pairs = computeMunkres(matrix) as [number, number][];
				const theirs = ms(t1);
				let total = 0;
				for (const [i, j] of pairs) if (matrix[i][j] < big) total += big - matrix[i][j];
				total = Math.round(total * 100) / 100;
				lines.push(
					`  munkres-js on ${h} × ${d}: ${theirs.toFixed(0)} ms, total score ${total}; ours is ${(theirs / time).toFixed(1)}× faster (goal ≥ 10×: ${theirs / time >= 10 ? 'met' : 'NOT met'})`
				);
				expect(result.total).toBeCloseTo(total, 1);
			}
		}
		console.log(lines.join('\n'));
	});
});
