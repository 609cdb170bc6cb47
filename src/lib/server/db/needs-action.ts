// "Needs action", the staff's start page: public.needs_action(p_mine) lists what waits for
// staff, oldest first (see the needs_action migration for each kind and for "mine"), and
// public.needs_action_page reads one page of it.
import { z } from 'zod';
import { NEEDS_ACTION_KINDS, type NeedsActionKind } from '$lib/schemas/choices';
import { rangeOf } from '$lib/schemas/list';
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

const pageShape = z.object({
	total: z.number().int(),
	filtered: z.number().int(),
	counts: z.array(z.object({ kind: z.enum(KINDS), count: z.number().int() })),
	items: z.array(itemShape)
});

/**
 * one page of what waits for staff, oldest first (public.needs_action_page): of one kind or
 * all, of everyone's households or (`mine`) of the caseworker's and nobody's; with each
 * kind's count, the total, and how many the kind filter leaves
 */
export async function page(state: { mine: string | null; kind?: NeedsActionKind; page: number; size: number }) {
	const { from } = rangeOf(state);
	const { data, error } = await db().rpc('needs_action_page', {
		p_mine: state.mine as string,
		p_kind: (state.kind ?? null) as string,
		p_size: state.size,
		p_offset: from
	});
	if (error) throw new Error(`reading needs action: ${error.message}`);
	const answer = shape('needs_action_page', pageShape, data);
	if (!state.mine) remember(answer.total);
	// the kinds with items, in the order of KINDS
	return { ...answer, counts: KINDS.flatMap((kind) => answer.counts.filter((c) => c.kind === kind)) };
}

// The count in the navigation costs no request of its own (the ≤ 3 round trips per page):
// each load of /staff (everyone's items) leaves the number here, and the header shows it for
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
