// The local stack without Docker: Postgres, PostgREST behind a /rest/v1 gateway, the
// keys signed with the local JWT secret, and the SMTP sink. `npm start` runs it in
// .data/ on the default ports; `npm test` runs a throwaway one on other ports.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDemoGeodata } from '../geodata/demo.ts';
import { startGateway, type Gateway } from './gateway.ts';
import { recordChild, stopLeftovers } from './leftovers.ts';
import { apiKey } from './jwt.ts';
import { bootstrap, pushMigrations } from './migrate.ts';
import { postgresBinaries, startPostgres, type Postgres } from './postgres.ts';
import { postgrestBinary, startPostgrest, type Postgrest } from './postgrest.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { startStorage, type Storage } from './storage.ts';
import { addDemoPhotos } from './demo-photos.ts';

// the well-known secret of a local Supabase project; never used outside this machine
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const AUTHENTICATOR_PASSWORD = 'authenticator-local';

// storage: the local S3 server's (a free port when not given)
export type Ports = { db: number; api: number; postgrest: number; smtp: number; mailbox: number; storage?: number };

// defaults follow a local Supabase project (api 54321, db 54322, mail 54324/54325)
export function portsFrom(env: NodeJS.ProcessEnv, base = 54321): Ports {
	const port = (name: string, fallback: number) => {
		const value = Number(env[name] ?? fallback);
		if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number`);
		return value;
	};
	return {
		api: port('BUSETT_API_PORT', base),
		db: port('BUSETT_DB_PORT', base + 1),
		mailbox: port('BUSETT_MAILBOX_PORT', base + 3),
		smtp: port('BUSETT_SMTP_PORT', base + 4),
		storage: port('BUSETT_STORAGE_PORT', base + 6),
		postgrest: port('BUSETT_POSTGREST_PORT', base + 9)
	};
}

// the app's signing secret for this data folder: made once, kept with the data
function appSecret(dataDir: string): string {
	const file = join(dataDir, 'app-secret');
	if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
	return readFileSync(file, 'utf8').trim();
}

export type Stack = {
	env: {
		SUPABASE_URL: string;
		SUPABASE_SERVICE_ROLE_KEY: string;
		SUPABASE_ANON_KEY: string;
		SMTP_URL: string;
		MAILBOX_URL: string;
		DATABASE_URL: string;
		APP_SECRET: string;
	} & Storage['env'];
	postgres: Postgres;
	postgrest: Postgrest;
	gateway: Gateway;
	smtp: SmtpSink;
	/** where the pids of child processes are written down (see leftovers.ts) */
	children: string;
	/** the PostgREST settings, so a test can start a second PostgREST on the same database */
	postgrestOptions: { dbUrl: string; jwtSecret: string };
	stop: () => Promise<void>;
};

export async function startStack(opts: {
	dataDir: string;
	ports: Ports;
	seed?: boolean;
	fast?: boolean;
	log?: (line: string) => void;
}): Promise<Stack> {
	const log = opts.log ?? ((line: string) => console.log(line));
	const started: { stop: () => Promise<void> }[] = [];
	const stopAll = async () => {
		for (const part of started.reverse()) await part.stop().catch(() => {});
		started.length = 0;
	};
	// a platform without npm builds learns it in one line, before anything starts
	postgresBinaries();
	postgrestBinary();
	const children = join(opts.dataDir, 'children.json');
	await stopLeftovers(children, log);
	try {
		const postgres = await startPostgres({ dataDir: opts.dataDir, port: opts.ports.db, fast: opts.fast, log });
		started.push(postgres);
		await bootstrap(postgres.url, AUTHENTICATOR_PASSWORD);
		await pushMigrations(postgres.url, { seed: opts.seed ?? true, log });

		const postgrestOptions = {
			dbUrl: `postgres://authenticator:${AUTHENTICATOR_PASSWORD}@127.0.0.1:${opts.ports.db}/postgres`,
			jwtSecret: LOCAL_JWT_SECRET
		};
		const postgrest = await startPostgrest({ ...postgrestOptions, port: opts.ports.postgrest, log });
		started.push(postgrest);
		recordChild(children, postgrest.process.pid, 'postgrest');
		const gateway = await startGateway({ port: opts.ports.api, postgrestUrl: postgrest.url });
		started.push(gateway);
		// the demo municipality's address register, districts and timetable, with its data
		if (opts.seed ?? true) await importDemoGeodata(gateway.url, apiKey('service_role', LOCAL_JWT_SECRET), opts.dataDir, log);
		const smtp = await startSmtpSink({
			smtpPort: opts.ports.smtp,
			httpPort: opts.ports.mailbox,
			dir: join(opts.dataDir, 'mail')
		});
		started.push(smtp);
		// the dwellings' photos: the S3 protocol, as Supabase Storage speaks it in production
		const storage = await startStorage({ port: opts.ports.storage ?? 0, dir: join(opts.dataDir, 'storage') });
		started.push(storage);
		if (opts.seed ?? true) await addDemoPhotos(gateway.url, apiKey('service_role', LOCAL_JWT_SECRET), storage.env, log);

		return {
			env: {
				SUPABASE_URL: gateway.url,
				SUPABASE_SERVICE_ROLE_KEY: apiKey('service_role', LOCAL_JWT_SECRET),
				SUPABASE_ANON_KEY: apiKey('anon', LOCAL_JWT_SECRET),
				SMTP_URL: smtp.smtpUrl,
				MAILBOX_URL: smtp.mailboxUrl,
				DATABASE_URL: postgres.url,
				APP_SECRET: appSecret(opts.dataDir),
				...storage.env
			},
			postgres,
			postgrest,
			gateway,
			smtp,
			postgrestOptions,
			children,
			stop: stopAll
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
