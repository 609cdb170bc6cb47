import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types';
import { stackEnv } from './env';

const options = { auth: { persistSession: false, autoRefreshToken: false } };

/** supabase-js with the service-role key, as the app's server uses it */
export const serviceClient = () => createClient<Database>(stackEnv().supabaseUrl, stackEnv().serviceRoleKey, options);

/** supabase-js with the anon key: what a leaked browser key could do */
export const anonClient = () => createClient<Database>(stackEnv().supabaseUrl, stackEnv().anonKey, options);
