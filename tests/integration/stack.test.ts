import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrap, pushMigrations, ROOT, sql } from '../../scripts/stack/migrate.ts';
import { anonClient, serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';

const migrationFiles = readdirSync(`${ROOT}/supabase/migrations`).filter((f) => f.endsWith('.sql'));

async function publicTables(): Promise<string[]> {
	const { rows } = await sql(stackEnv().databaseUrl, `select tablename from pg_tables where schemaname = 'public' order by tablename`);
	return rows.map((r) => r.tablename as string);
}

describe('migrations', () => {
	it('apply twice to a fresh database without error, each recorded once', async () => {
		const name = `migrate_twice_${Date.now()}`;
		await sql(stackEnv().databaseUrl, `create database ${name}`);
		const url = stackEnv().databaseUrl.replace(/\/postgres$/, `/${name}`);
		try {
			await bootstrap(url, 'authenticator-local');
			const log = () => {};
			await pushMigrations(url, { seed: false, log });
			const second = await pushMigrations(url, { seed: false, log });
			expect(second).toContain('up to date');
			const { rows } = await sql(url, 'select version from supabase_migrations.schema_migrations');
			expect(rows).toHaveLength(migrationFiles.length);
			const { rows: tables } = await sql(url, `select count(*)::int as n from pg_tables where schemaname = 'public'`);
			expect(tables[0].n).toBeGreaterThan(10);
		} finally {
			await sql(stackEnv().databaseUrl, `drop database ${name} with (force)`);
		}
	});
});

describe('supabase-js through the /rest/v1 gateway', () => {
	it('inserts a row and selects it back with the service-role key', async () => {
		const db = serviceClient();
		const name = `Testkrinsen ${Date.now()}`;
		const inserted = await db.from('districts').insert({ name, kindergarten_places: 7 }).select().single();
		expect(inserted.error).toBeNull();
		const selected = await db.from('districts').select('name, kindergarten_places').eq('id', inserted.data!.id).single();
		expect(selected.error).toBeNull();
		expect(selected.data).toEqual({ name, kindergarten_places: 7 });
		await db.from('districts').delete().eq('id', inserted.data!.id);
	});

	it('reports a constraint violation as an error, not as data', async () => {
		const { data, error } = await serviceClient().from('districts').insert({ name: '', kindergarten_places: -1 });
		expect(data).toBeNull();
		expect(error?.code).toBe('23514');
	});
});

describe('row-level security', () => {
	it('is enabled on every table in public, with no policy for anon or authenticated', async () => {
		const { rows } = await sql(
			stackEnv().databaseUrl,
			`select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r'`
		);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
		const { rows: policies } = await sql(
			stackEnv().databaseUrl,
			`select policyname from pg_policies where schemaname = 'public'
			 and roles && array['anon', 'authenticated', 'public']::name[]`
		);
		expect(policies).toEqual([]);
	});

	it('gives the anon key 0 rows from every table, while the service role sees the seeded rows', async () => {
		const tables = await publicTables();
		const service = serviceClient();
		const anon = anonClient();
		let seededTables = 0;
		for (const table of tables) {
			// the table names come from the database itself, so the typed client cannot know them
			const seen = await service.from(table as 'districts').select('*', { count: 'exact', head: true });
			expect(seen.error, table).toBeNull();
			if ((seen.count ?? 0) > 0) seededTables++;
			const leaked = await anon.from(table as 'districts').select('*');
			expect(leaked.error, table).toBeNull();
			expect(leaked.data, table).toEqual([]);
		}
		// the check means something only if there is data to leak
		expect(seededTables).toBeGreaterThanOrEqual(8);
	});

	it('keeps every function in public out of reach of anon and authenticated', async () => {
		const { rows } = await sql(
			stackEnv().databaseUrl,
			`select p.proname, has_function_privilege('anon', p.oid, 'execute') as anon,
			        has_function_privilege('authenticated', p.oid, 'execute') as authenticated
			 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`
		);
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.filter((r) => r.anon || r.authenticated).map((r) => r.proname)).toEqual([]);
		const { error } = await anonClient().rpc('notification_counts');
		expect(error?.code).toBe('42501');
	});

	it('does not let the anon key write', async () => {
		const { error } = await anonClient()
			.from('districts')
			.insert({ name: `Anon ${Date.now()}` });
		expect(error?.code).toBe('42501');
	});
});

describe('the audit log', () => {
	it('cannot be edited or deleted, not even with the service role', async () => {
		const db = serviceClient();
		const { data, error } = await db
			.from('audit_log')
			.insert({ action: 'read', entity: 'household', entity_id: 'test' })
			.select('id')
			.single();
		expect(error).toBeNull();
		const edit = await db.from('audit_log').update({ entity_id: 'changed' }).eq('id', data!.id);
		expect(edit.error?.message).toContain('append-only');
		const remove = await db.from('audit_log').delete().eq('id', data!.id);
		expect(remove.error?.message).toContain('append-only');
	});

	it('forgets who acted when that person is deleted, and keeps what happened', async () => {
		const db = serviceClient();
		const { data: user } = await db
			.from('users')
			.insert({ email: `audit-${Date.now()}@example.no` })
			.select('id')
			.single();
		const { data: entry } = await db
			.from('audit_log')
			.insert({ actor_id: user!.id, action: 'read', entity: 'household', entity_id: 'h1' })
			.select('id')
			.single();
		const { error } = await db.from('users').delete().eq('id', user!.id);
		expect(error).toBeNull();
		const { data: after } = await db.from('audit_log').select('actor_id, action, entity_id').eq('id', entry!.id).single();
		expect(after).toEqual({ actor_id: null, action: 'read', entity_id: 'h1' });
	});
});
