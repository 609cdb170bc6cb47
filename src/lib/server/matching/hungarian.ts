// Minimum-cost assignment on a sparse bipartite graph: successive shortest augmenting
// paths with column prices (the Hungarian method in the Jonker–Volgenant form), Dijkstra
// with a binary heap over only the edges that exist. Every row must have an edge to a
// column no other row can take (the batch gives each household its own "unplaced"
// column), so every row is assigned. Costs ≥ 0. No I/O; typed arrays throughout.
//
// Graph in CSR form: the edges of row i are columns col[start[i] .. start[i+1]-1] with
// costs cost[…].
export function sparseMinCostAssignment(
	rows: number,
	columns: number,
	start: Int32Array,
	col: Int32Array,
	cost: Float64Array
): { rowCol: Int32Array; price: Float64Array } {
	const price = new Float64Array(columns); // v: column prices (≤ 0)
	const owner = new Int32Array(columns).fill(-1); // row holding each column
	const rowCol = new Int32Array(rows).fill(-1); // column held by each row
	const dist = new Float64Array(columns);
	const pred = new Int32Array(columns); // row from which a column was reached
	const predCost = new Float64Array(columns); // the cost of that edge
	const heldCost = new Float64Array(rows); // the cost of the edge each row holds
	const seen = new Int32Array(columns); // stamp: reached in this search
	const done = new Int32Array(columns); // stamp: distance final in this search
	const finalized = new Int32Array(columns);
	const heap = new Heap(columns);

	// u_i = c(i, its column) − v(its column): what row i pays now
	const paid = (i: number) => heldCost[i] - price[rowCol[i]];

	for (let s = 0; s < rows; s++) {
		const stamp = s + 1;
		heap.clear();
		let nFinal = 0;
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
			if (owner[j] === -1) {
				end = j;
				break;
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
		// prices: every column settled before the free one gets cheaper by its slack
		const total = dist[end];
		for (let t = 0; t < nFinal; t++) {
			const j = finalized[t];
			price[j] += dist[j] - total;
		}
		// flip the path
		let j = end;
		for (;;) {
			const i = pred[j];
			const previous = rowCol[i];
			rowCol[i] = j;
			heldCost[i] = predCost[j];
			owner[j] = i;
			if (i === s) break;
			j = previous;
		}
	}
	return { rowCol, price };
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
