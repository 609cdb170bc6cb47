// One page of a PostgREST list with its total. Asked for a page past the last (an old link,
// a hand-typed ?page=, rows deleted meanwhile), PostgREST answers 416 (PGRST103): the page
// then has no rows but keeps the total, so the pager leads back, instead of an error page.
import { rangeOf } from '$lib/schemas/list';

type Answer<T> = { data: T[] | null; error: { code?: string; message: string } | null; count: number | null };

/** `read` builds the query afresh for a range of rows; `what` names the list in errors */
export async function pageOf<T>(
	state: { page: number; size: number },
	read: (from: number, to: number) => PromiseLike<Answer<T>>,
	what: string
): Promise<{ rows: T[]; total: number }> {
	const { from, to } = rangeOf(state);
	const { data, error, count } = await read(from, to);
	if (error?.code === 'PGRST103') {
		const first = await read(0, 0);
		if (first.error) throw new Error(`${what}: ${first.error.message}`);
		return { rows: [], total: first.count ?? 0 };
	}
	if (error) throw new Error(`${what}: ${error.message}`);
	return { rows: data ?? [], total: count ?? 0 };
}
