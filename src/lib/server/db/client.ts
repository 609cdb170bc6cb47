// The one supabase-js client of the app. It holds the service-role key, so it lives in
// $lib/server and is created on first use: `vite build` imports server modules without
// the runtime environment, and a client made at import time would fail the build.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { config } from '$lib/server/config';
import { watchedFetch } from '$lib/server/outage';

export type Db = SupabaseClient<Database>;

let client: Db | undefined;

export function db(): Db {
	client ??= createClient<Database>(config().SUPABASE_URL, config().SUPABASE_SERVICE_ROLE_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		// an outage of the database side becomes a friendly 503 page (see outage.ts)
		global: { fetch: watchedFetch }
	});
	return client;
}
