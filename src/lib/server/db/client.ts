// The one supabase-js client of the app. It holds the service-role key, so it lives in
// $lib/server and is created on first use: `vite build` imports server modules without
// the runtime environment, and a client made at import time would fail the build.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { config } from '$lib/server/config';
import { watchedFetch } from '$lib/server/outage';

export type Db = SupabaseClient<Database>;

let client: Db | undefined;

// Every write goes through this one service-role client, so the database cannot tell who
// asked. The server hooks run each request inside `asActor(user id)`, and every call made
// meanwhile carries the id in a header; the audit triggers read it (public.audit_actor()).
const actor = new AsyncLocalStorage<string | null>();
export const ACTOR_HEADER = 'x-busett-actor';

export function asActor<T>(userId: string | null, run: () => T): T {
	return actor.run(userId, run);
}

const fetchAsActor: typeof fetch = (input, init) => {
	const id = actor.getStore();
	if (!id) return watchedFetch(input, init);
	const headers = new Headers(init?.headers);
	headers.set(ACTOR_HEADER, id);
	return watchedFetch(input, { ...init, headers });
};

export function db(): Db {
	client ??= createClient<Database>(config().SUPABASE_URL, config().SUPABASE_SERVICE_ROLE_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		// who asked goes along with every call; an outage becomes a friendly 503 page (outage.ts)
		global: { fetch: fetchAsActor }
	});
	return client;
}
