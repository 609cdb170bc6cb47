// The server's configuration, read from the environment and validated once at start.
// A missing or malformed variable stops the server with one line naming it.
import { z } from 'zod';
import { LOG_LEVELS } from './log';
import { productionProblem } from './production';

const jwt = z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'expected a JWT (three dot-separated parts)');

const schema = z.object({
	/** the Supabase project's URL: hosted, or the local stack's gateway */
	SUPABASE_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
	/** the service-role key; server only, never sent to a browser */
	SUPABASE_SERVICE_ROLE_KEY: jwt,
	/** where mail is sent, e.g. smtp://user:pass@host:587 */
	SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an smtp:// or smtps:// URL' }),
	/** the public URL of the app, for links in mails (adapter-node reads it too) */
	ORIGIN: z.url({ protocol: /^https?$/, error: 'expected the public http(s) URL of the app' }),
	/** signs links that work without logging in (one-click unsubscribe); keep it secret */
	APP_SECRET: z.string().min(32, 'expected at least 32 characters'),
	/** run the mail worker in this process (one loop per instance) */
	MAIL_WORKER: z.enum(['on', 'off']).default('on'),
	/** keep read-mostly data in this instance for a few seconds (kept.ts); `off` reads every time */
	KEEP_READS: z.enum(['on', 'off']).default('on'),
	/** the sender of every mail */
	MAIL_FROM: z.string().min(3).default('busett <busett@localhost>'),
	/** the local SMTP sink's API; set only on the local stack */
	MAILBOX_URL: z.url({ protocol: /^https?$/ }).optional(),
	/** the staff map's base map: a MapLibre style (Kartverket's open map services, or a PMTiles
	 * style the municipality hosts); unset: the data layers on a plain background */
	MAP_STYLE_URL: z.url({ protocol: /^https?$/, error: 'expected the http(s) URL of a MapLibre style' }).optional(),
	/** the dwellings' photos: an S3 endpoint — Supabase Storage's (https://<project>.supabase.co/storage/v1/s3)
	 * in production, the local stack's S3 server here — with its private bucket and access keys;
	 * unset: photos cannot be added (the pages say so) */
	STORAGE_URL: z.url({ protocol: /^https?$/, error: 'expected the http(s) URL of an S3 endpoint' }).optional(),
	STORAGE_REGION: z.string().min(1).default('local'),
	STORAGE_BUCKET: z
		.string()
		.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name')
		.default('dwelling-photos'),
	STORAGE_ACCESS_KEY_ID: z.string().min(1).optional(),
	STORAGE_SECRET_ACCESS_KEY: z.string().min(1).optional(),
	/** show /dev/mail in a production build too (it always shows under `vite dev`) */
	DEV_MAILBOX: z.enum(['0', '1']).default('0'),
	/** how much the JSON logs on stdout say (log.ts) */
	LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
	/** a staff or admin session ends after this many minutes without use (expiry.ts) */
	SESSION_STAFF_IDLE_MINUTES: z.coerce
		.number()
		.int('expected whole minutes')
		.min(5, 'expected 5 to 720 minutes')
		.max(720, 'expected 5 to 720 minutes')
		.default(60),
	/** … and this many hours after logging in, however busy */
	SESSION_STAFF_MAX_HOURS: z.coerce
		.number()
		.int('expected whole hours')
		.min(1, 'expected 1 to 24 hours')
		.max(24, 'expected 1 to 24 hours')
		.default(12),
	/** `production` makes the server refuse local and placeholder secrets (production.ts) */
	NODE_ENV: z.string().optional()
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
	const result = schema.safeParse(env);
	if (result.success) {
		const problem = result.data.NODE_ENV === 'production' ? productionProblem(result.data) : null;
		if (problem) throw new ConfigError(problem);
		return result.data;
	}
	const issue = result.error.issues[0];
	const name = String(issue.path[0]);
	throw new ConfigError(env[name] === undefined || env[name] === '' ? `${name} is missing` : `${name} is not valid: ${issue.message}`);
}

let cached: Config | undefined;

export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}
