// Minimum-cost assignment on a sparse bipartite graph: successive shortest augmenting
// paths with column prices (the Hungarian method in the Jonker–Volgenant form), Dijkstra
// with a binary heap over only the edges that exist. Every row must have an edge to a
// column no other row can take (the batch gives each household its own "unplaced"
// column), so every row is assigned. Costs ≥ 0. No I/O; typed arrays throughout.
//
// Graph in CSR form: the edges of row i are columns col[start[i] .. start[i+1]-1] with
// costs cost[…].
//
// Warm start: given the state of an optimal solve on fewer edges and the rows that gained
// an edge that would pay off (`redo`), only those rows give up their column and are
// augmented again. A column given up keeps its (negative) price, so a column nobody holds
// at price 0 cannot simply end the path: think of the free columns as held by one extra
// "slack" row Z, which may trade any of them for any other column. Each path then ends at
// a column given up, possibly passing through Z, and afterwards all prices are shifted so
// that the free columns are at price 0 again — the duals stay feasible and complementary,
// so the result is as optimal as a solve from scratch.
export type AssignmentState = { rowCol: Int32Array; price: Float64Array; heldCost: Float64Array };

const SLACK = -1; // pred of a column reached from the slack row Z
const FREE = -1; // owner of a free column (held by Z in a warm start)
const GIVEN_UP = -2; // owner of a column a redone row gave up: where warm paths end

export function sparseMinCostAssignment(
	rows: number,
	columns: number,
	start: Int32Array,
	col: Int32Array,
	cost: Float64Array,
	warm?: AssignmentState & { redo: Int32Array }
): AssignmentState {
	const price = warm ? warm.price.slice() : new Float64Array(columns); // v: column prices (≤ 0)
	const rowCol = warm ? warm.rowCol.slice() : new Int32Array(rows).fill(-1); // column held by each row
	const heldCost = warm ? warm.heldCost.slice() : new Float64Array(rows); // the cost of the edge each row holds
	const owner = new Int32Array(columns).fill(FREE); // row holding each column
	for (let i = 0; i < rows; i++) if (rowCol[i] >= 0) owner[rowCol[i]] = i;
	const order = warm ? warm.redo : Int32Array.from({ length: rows }, (_, i) => i);
	if (warm)
		for (const i of warm.redo) {
			owner[rowCol[i]] = GIVEN_UP;
			rowCol[i] = -1;
		}
	const target = warm ? GIVEN_UP : FREE;

	const dist = new Float64Array(columns);
	const pred = new Int32Array(columns); // row from which a column was reached (or SLACK)
	const predCost = new Float64Array(columns); // the cost of that edge
	const seen = new Int32Array(columns); // stamp: reached in this search
	const done = new Int32Array(columns); // stamp: distance final in this search
	const finalized = new Int32Array(columns);
	const heap = new Heap(columns);

	// u_i = c(i, its column) − v(its column): what row i pays now
	const paid = (i: number) => heldCost[i] - price[rowCol[i]];

	for (let o = 0; o < order.length; o++) {
		const s = order[o];
		const stamp = o + 1;
		heap.clear();
		let nFinal = 0;
		let slackEntry = -1; // the free column through which Z was reached
		for (let e = start[s]; e < start[s + 1]; e++) {
			const j = col[e];
			const d = cost[e] - price[j];
			if (seen[j] !== stamp || d < dist[j]) {
				seen[j] = stamp;
				dist[j] = d;
				pred[j] = s;
				predCost[j] = cost[e];
				heap.push(j, d);
			}
		}
		let end = -1;
		while (heap.size) {
			const j = heap.pop();
			if (done[j] === stamp) continue;
			done[j] = stamp;
			finalized[nFinal++] = j;
			if (owner[j] === target) {
				end = j;
				break;
			}
			if (owner[j] === FREE) {
				// warm only: Z holds j at price 0 and can take any other column instead
				if (slackEntry !== -1) continue;
				slackEntry = j;
				for (let k = 0; k < columns; k++) {
					if (done[k] === stamp) continue;
					const d = dist[j] - price[k];
					if (seen[k] !== stamp || d < dist[k]) {
						seen[k] = stamp;
						dist[k] = d;
						pred[k] = SLACK;
						heap.push(k, d);
					}
				}
				continue;
			}
			const i = owner[j];
			const base = dist[j] - paid(i);
			for (let e = start[i]; e < start[i + 1]; e++) {
				const k = col[e];
				if (done[k] === stamp) continue;
				const d = base + cost[e] - price[k];
				if (seen[k] !== stamp || d < dist[k]) {
					seen[k] = stamp;
					dist[k] = d;
					pred[k] = i;
					predCost[k] = cost[e];
					heap.push(k, d);
				}
			}
		}
		if (end === -1) throw new Error(`row ${s} cannot be assigned`);
		// prices: every column settled before the end gets cheaper by its slack
		const total = dist[end];
		for (let t = 0; t < nFinal; t++) {
			const j = finalized[t];
			price[j] += dist[j] - total;
		}
		// flip the path
		let j = end;
		for (;;) {
			const i = pred[j];
			if (i === SLACK) {
				// Z takes j and gives up the column it was reached through
				owner[j] = FREE;
				j = slackEntry;
				continue;
			}
			const previous = rowCol[i];
			rowCol[i] = j;
			heldCost[i] = predCost[j];
			owner[j] = i;
			if (i === s) break;
			j = previous;
		}
		// free columns back at price 0 (a shift of every price changes no reduced cost)
		if (slackEntry !== -1) {
			let shift = 0;
			for (let k = 0; k < columns; k++)
				if (owner[k] === FREE) {
					shift = -price[k];
					break;
				}
			if (shift !== 0) for (let k = 0; k < columns; k++) price[k] += shift;
		}
	}
	return { rowCol, price, heldCost };
}

/** a binary min-heap of column indices by key, with stale entries skipped by the caller */
class Heap {
	private keys: Float64Array;
	private items: Int32Array;
	size = 0;

	constructor(capacity: number) {
		this.keys = new Float64Array(capacity * 4 + 16);
		this.items = new Int32Array(capacity * 4 + 16);
	}

	clear() {
		this.size = 0;
	}

	push(item: number, key: number) {
		if (this.size === this.items.length) this.grow();
		let i = this.size++;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (this.keys[parent] <= key) break;
			this.keys[i] = this.keys[parent];
			this.items[i] = this.items[parent];
			i = parent;
		}
		this.keys[i] = key;
		this.items[i] = item;
	}

	pop(): number {
		const top = this.items[0];
		const key = this.keys[--this.size];
		const item = this.items[this.size];
		let i = 0;
		for (;;) {
			let child = 2 * i + 1;
			if (child >= this.size) break;
			if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
			if (this.keys[child] >= key) break;
			this.keys[i] = this.keys[child];
			this.items[i] = this.items[child];
			i = child;
		}
		this.keys[i] = key;
		this.items[i] = item;
		return top;
	}

	private grow() {
		const keys = new Float64Array(this.keys.length * 2);
		keys.set(this.keys);
		const items = new Int32Array(this.items.length * 2);
		items.set(this.items);
		this.keys = keys;
		this.items = items;
	}
}
