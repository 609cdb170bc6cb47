// When the database side does not answer (PostgREST down: the API answers 502; Postgres
// down: PostgREST answers 503; nothing listening at all), a page cannot be made. The person
// then gets a short page saying so with status 503 and Retry-After, not a 500, and the next
// request simply tries again: the app recovers by itself when the database is back.
import { AsyncLocalStorage } from 'node:async_hooks';
import { m } from '$lib/paraglide/messages';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';

const requests = new AsyncLocalStorage<{ unreachable: boolean }>();

/** the fetch the supabase-js client uses: notes, for the request it serves, an outage */
export const watchedFetch: typeof fetch = async (input, init) => {
	try {
		const response = await fetch(input, init);
		if (response.status === 502 || response.status === 503 || response.status === 504) note();
		return response;
	} catch (error) {
		note();
		throw error;
	}
};

function note() {
	const store = requests.getStore();
	if (store) store.unreachable = true;
}

/** runs one request, and answers with the outage page if the database was unreachable and the request failed */
export async function watch(request: Request, fn: () => Promise<Response>): Promise<Response> {
	const store = { unreachable: false };
	return requests.run(store, async () => {
		try {
			const response = await fn();
			// a 503 a route chose itself (/healthz) stays as it is
			return response.status === 500 && store.unreachable ? page(request) : response;
		} catch (error) {
			if (store.unreachable) return page(request);
			throw error;
		}
	});
}

function page(request: Request): Response {
	const locale = extractLocaleFromRequest(request);
	const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	const [title, text] = [m.unavailable_title({}, { locale }), m.unavailable_text({}, { locale })].map(escape);
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' }
	});
}
