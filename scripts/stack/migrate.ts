// Brings a database to the schema of supabase/migrations with the Supabase CLI itself,
// after the bootstrap that gives a bare Postgres what hosted Supabase already has.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.sql', import.meta.url));

export async function sql(dbUrl: string, text: string, values: unknown[] = []) {
	const client = new pg.Client({ connectionString: dbUrl });
	await client.connect();
	try {
		return await client.query(text, values);
	} finally {
		await client.end();
	}
}

// Roles, auth helpers and default privileges, for local databases only. It runs once,
// before the first migration, as hosted Supabase sets a project up once: run again, its
// default grants would undo the migrations' revoke of function execution from anon.
export async function bootstrap(dbUrl: string, authenticatorPassword: string) {
	const { rows } = await sql(dbUrl, `select to_regclass('supabase_migrations.schema_migrations') is not null as done`);
	if (!rows[0].done) await sql(dbUrl, readFileSync(BOOTSTRAP, 'utf8'));
	// a password cannot be a bind parameter in alter role; it is ours, not user input
	await sql(dbUrl, `alter role authenticator with login password '${authenticatorPassword.replaceAll("'", "''")}'`);
}

function run(cmd: string, args: string[], log: (line: string) => void): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(out);
			else {
				log(out.trim());
				reject(new Error(`${cmd} ${args[0]} ${args[1] ?? ''} failed (exit ${code})`));
			}
		});
	});
}

// `supabase db push` applies the migrations not yet recorded in
// supabase_migrations.schema_migrations, as on hosted Supabase; --include-seed runs
// seed.sql once (the CLI records it in supabase_migrations.seed_files).
export async function pushMigrations(dbUrl: string, opts: { seed: boolean; log: (line: string) => void }) {
	const url = `${dbUrl}${dbUrl.includes('?') ? '&' : '?'}sslmode=disable`;
	const args = ['db', 'push', '--db-url', url, '--yes'];
	if (opts.seed) args.push('--include-seed');
	const bin = fileURLToPath(new URL('../../node_modules/.bin/supabase', import.meta.url));
	const out = await run(bin, args, opts.log);
	// postgrest serves new tables and functions at once
	await sql(dbUrl, `notify pgrst, 'reload schema'`);
	return out;
}
