// Links that change a list's state: the current URL with some parameters set or removed.
// Changing a filter, the sort or the page size starts again at page 1.

export type Change = Record<string, string | number | null | undefined>;

export function listHref(url: URL, change: Change): string {
	const params = new URLSearchParams(url.searchParams);
	if (!('page' in change)) params.delete('page');
	for (const [key, value] of Object.entries(change)) {
		if (value === null || value === undefined || value === '' || (key === 'page' && value === 1)) params.delete(key);
		else params.set(key, String(value));
	}
	const q = params.toString();
	return q ? `${url.pathname}?${q}` : url.pathname;
}

/** the number of pages (at least one, so "page 1 of 1" for an empty list) */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** the next direction when a column header is clicked: the same key turns around, another starts with its own default */
export const nextDir = (current: { sort: string; dir: 'asc' | 'desc' }, key: string, first: 'asc' | 'desc' = 'asc') =>
	current.sort === key ? (current.dir === 'asc' ? 'desc' : 'asc') : first;
