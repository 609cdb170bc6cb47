// Backups of the app's data with the PostgreSQL client tools (pg_dump, pg_restore): the
// schemas the migrations make (public) and the CLI's record of them
// (supabase_migrations). What hosted Supabase manages itself (auth, storage, extensions,
// roles) is not dumped; a new Supabase project, or a bootstrapped local Postgres, has it.
// The client tools must be of the server's major version or newer (PG_BIN picks a folder).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from './stack/migrate.ts';

const tool = (name: string) => (process.env.PG_BIN ? join(process.env.PG_BIN, name) : name);

function run(cmd: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(tool(cmd), args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} failed (exit ${code}): ${err.trim()}`))));
	});
}

/** the extensions the migrations create (`create extension … with schema extensions`) */
export const EXTENSIONS = ['pg_trgm'];

/** pg_dump in the custom format (compressed; pg_restore reads it) */
export async function dump(dbUrl: string, file: string): Promise<void> {
	await run('pg_dump', ['--format=custom', '--no-owner', '--schema=public', '--schema=supabase_migrations', `--file=${file}`, dbUrl]);
}

/**
 * pg_restore into a database that has Supabase's roles and an empty public schema (a new
 * hosted project, or a local one after bootstrap.sql). The dump's own `create schema
 * public` is left out, as that schema is already there.
 */
export async function restore(file: string, dbUrl: string): Promise<void> {
	// extensions are not in the dump (hosted Supabase manages them), but the dump's indexes
	// name their operator classes, so they are created first, as the migrations create them
	for (const name of EXTENSIONS) await sql(dbUrl, `create extension if not exists ${name} with schema extensions`);
	const list = (await run('pg_restore', ['--list', file]))
		.split('\n')
		.filter((line) => !/ SCHEMA - public /.test(line))
		.join('\n');
	const listFile = `${file}.list`;
	writeFileSync(listFile, list);
	await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, `--dbname=${dbUrl}`, file]);
}

/** rows per table in public and the migrations table, to compare a restore with its source */
export async function rowCounts(dbUrl: string): Promise<Record<string, number>> {
	const { rows } = await sql(
		dbUrl,
		`select schemaname || '.' || tablename as name from pg_tables
		 where schemaname in ('public', 'supabase_migrations') order by 1`
	);
	const counts: Record<string, number> = {};
	for (const { name } of rows) {
		// the names come from the catalogue itself
		const [schema, table] = (name as string).split('.');
		const result = await sql(dbUrl, `select count(*)::int as n from "${schema}"."${table}"`);
		counts[name] = result.rows[0].n;
	}
	return counts;
}
