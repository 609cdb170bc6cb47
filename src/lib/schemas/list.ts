import { z } from 'zod';

// A list's state in the URL (a GET link or form, so sharing, the back button and a browser
// without JavaScript all work): which page, how many rows (one of a few sizes, so a request
// never reads more than 100), the sort key from the list's own whitelist and its direction.
// Each list adds its filters to this; every filter and the sort are applied in SQL.
import { PAGE_SIZES, type PageSize } from './choices';
export { PAGE_SIZES, type PageSize };
export type Direction = 'asc' | 'desc';

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** a filter that is unset when blank or malformed (a hand-edited URL shows the whole list) */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional()).catch(undefined);

/**
 * a list's state: its page, size, sort (a key from `sorts`, the keys SQL may order by) and
 * direction (when the URL names none, the sort key's own: newest first for a date that
 * reads best that way), with the list's filters
 */
export function listState<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(
	sorts: S,
	defaults: { sort: S[number]; dir: Direction | Partial<Record<S[number], Direction>>; size?: PageSize },
	filters: F
) {
	const dirOf = (sort: S[number]): Direction =>
		typeof defaults.dir === 'string' ? defaults.dir : ((defaults.dir as Partial<Record<string, Direction>>)[sort] ?? 'asc');
	return z
		.object({
			page: z.coerce.number().int().min(1).max(100_000).catch(1),
			size: z.coerce
				.number()
				.refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
				.catch(defaults.size ?? 50)
				.transform((n) => n as PageSize),
			sort: z.enum(sorts).catch(defaults.sort as never),
			dir: z.enum(['asc', 'desc']).optional().catch(undefined),
			...filters
		})
		.transform((v) => {
			const state = v as unknown as { sort: S[number]; dir?: Direction };
			return { ...v, sort: state.sort, dir: state.dir ?? dirOf(state.sort) };
		});
}

export type ListState<S extends string = string> = { page: number; size: PageSize; sort: S; dir: Direction };

/** the rows one page reads: PostgREST's .range(from, to), or offset/limit in SQL */
export const rangeOf = (s: { page: number; size: number }) => ({ from: (s.page - 1) * s.size, to: s.page * s.size - 1 });

/** the URL's query as an object, for a schema to parse (a repeated name keeps its last value) */
export const queryOf = (url: URL) => Object.fromEntries(url.searchParams);
