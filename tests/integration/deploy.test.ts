// The deploy path of docs/operations.md, on a fresh PostgreSQL 15 (what hosted Supabase
// runs) given only what a Supabase project already has (bootstrap.sql): `npm run db:push`
// with the pinned Supabase CLI, PostgREST serving the result, and the backup drill.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSIONS, rowCounts } from '../../scripts/backup.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startGateway, type Gateway } from '../../scripts/stack/gateway.ts';
import { apiKey } from '../../scripts/stack/jwt.ts';
import { bootstrap, ROOT, sql } from '../../scripts/stack/migrate.ts';
import { startPostgrest, type Postgrest } from '../../scripts/stack/postgrest.ts';
import { PG15_BIN, startSystemPostgres, type SystemPostgres } from '../helpers/system-postgres';

const migrations = readdirSync(`${ROOT}/supabase/migrations`)
	.filter((f) => f.endsWith('.sql'))
	.sort();
const AUTHENTICATOR_PASSWORD = 'authenticator-deploy-test';

function npm(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '--silent', ...args], {
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (code) => resolve({ code, output }));
	});
}

describe('npm run db:push on a fresh Postgres 15', () => {
	let pg: SystemPostgres;
	let postgrest: Postgrest | undefined;
	let gateway: Gateway | undefined;
	beforeAll(async () => {
		pg = await startSystemPostgres();
		await bootstrap(pg.url(), AUTHENTICATOR_PASSWORD);
	});
	afterAll(async () => {
		await gateway?.stop();
		await postgrest?.stop();
		await pg?.stop();
	});

	it('applies every migration with the Supabase CLI, records each, and is a no-op the second time', async () => {
		const first = await npm(['db:push', '--', pg.url()]);
		expect(first.output).toContain('db:push: done');
		expect(first.code).toBe(0);
		const { rows } = await sql(pg.url(), 'select version from supabase_migrations.schema_migrations order by version');
		expect(rows.map((r) => r.version)).toEqual(migrations.map((f) => f.split('_')[0]));
		const second = await npm(['db:push', '--', pg.url()]);
		expect(second.code).toBe(0);
		expect(second.output).toMatch(/up to date/i);
	});

	it('leaves row-level security on for every table in public', async () => {
		const { rows } = await sql(
			pg.url(),
			`select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r'`
		);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
	});

	it('is served by PostgREST: the service role writes and reads, the anon key sees nothing', async () => {
		const jwtSecret = randomBytes(32).toString('hex');
		const dbUrl = pg.url().replace('postgres@', `authenticator:${AUTHENTICATOR_PASSWORD}@`);
		postgrest = await startPostgrest({ dbUrl, jwtSecret, port: await freePort(), log: () => {} });
		gateway = await startGateway({ port: await freePort(), postgrestUrl: postgrest.url });
		const options = { auth: { persistSession: false } };
		const service = createClient(gateway.url, apiKey('service_role', jwtSecret), options);
		const name = `Deploykrinsen ${Date.now()}`;
		const inserted = await service.from('districts').insert({ name, kindergarten_places: 3 }).select('id').single();
		expect(inserted.error).toBeNull();
		const read = await service.from('districts').select('name').eq('id', inserted.data!.id).single();
		expect(read.data).toEqual({ name });
		const anon = await createClient(gateway.url, apiKey('anon', jwtSecret), options).from('districts').select('*');
		expect(anon.data).toEqual([]);
	});

	it('passes the restore drill: dump, restore into an empty database, same rows in every table', async () => {
		await sql(pg.url(), readFileSync(`${ROOT}/supabase/seed.sql`, 'utf8'));
		await sql(pg.url(), 'create database restored');
		await bootstrap(pg.url('restored'), AUTHENTICATOR_PASSWORD);
		const drill = await npm(['backup:drill', '--', pg.url(), pg.url('restored')], { PG_BIN: PG15_BIN });
		expect(drill.output).toContain('drill: OK');
		expect(drill.code).toBe(0);
		const [source, restored] = await Promise.all([rowCounts(pg.url()), rowCounts(pg.url('restored'))]);
		expect(restored).toEqual(source);
		expect(restored['public.users']).toBeGreaterThan(10);
		expect(restored['supabase_migrations.schema_migrations']).toBe(migrations.length);
	});

	it('knows, for the restore, every extension the migrations create', () => {
		const created = migrations.flatMap((f) =>
			[...readFileSync(`${ROOT}/supabase/migrations/${f}`, 'utf8').matchAll(/create extension if not exists (\w+)/g)].map((m) => m[1])
		);
		expect(created.length).toBeGreaterThan(0);
		expect([...new Set(created)].sort()).toEqual([...EXTENSIONS].sort());
	});
});
