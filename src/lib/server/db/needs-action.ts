// "Needs action", the staff's start page: public.needs_action(p_mine) lists what waits for
// staff, oldest first (see the needs_action migration for each kind and for "mine").
import { z } from 'zod';
import { NEEDS_ACTION_KINDS } from '$lib/schemas/choices';
import { db } from './client';
import { shape } from './shape';

export const KINDS = NEEDS_ACTION_KINDS;

const itemShape = z.object({
	kind: z.enum(KINDS),
	since: z.string(),
	target: z.string(),
	label: z.string().nullable(),
	household_id: z.string().nullable(),
	caseworker_id: z.string().nullable()
});
export type Item = z.infer<typeof itemShape>;

/** every item waiting for staff, or with `mine` only those of the caseworker's households (and those of nobody's) */
export async function items(mine: string | null): Promise<Item[]> {
	const { data, error } = await db().rpc('needs_action', mine ? { p_mine: mine } : {});
	if (error) throw new Error(`reading needs action: ${error.message}`);
	const list = shape('needs_action', z.array(itemShape), data);
	if (!mine) remember(list.length);
	return list;
}

// The count in the navigation costs no request of its own (the ≤ 3 round trips per page):
// each load of /staff (all items) leaves the number here, and the header shows it for
// FRESH_MS on this instance, then hides it until /staff is opened again. It can be up to
// that old, and another instance may show another number meanwhile.
const FRESH_MS = 5 * 60 * 1000;
let cached: { count: number; at: number } | null = null;

function remember(count: number) {
	cached = { count, at: Date.now() };
}

/** the last count /staff saw on this instance, or null when it is older than FRESH_MS */
export function cachedCount(now = Date.now()): number | null {
	return cached && now - cached.at < FRESH_MS ? cached.count : null;
}
