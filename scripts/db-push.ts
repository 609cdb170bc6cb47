// npm run db:push -- <db-url> [--include-seed] [--dry-run]
// Applies supabase/migrations to a database with the Supabase CLI itself (pinned in
// package.json; `db push --db-url` needs no Docker): the migrations not yet recorded in
// supabase_migrations.schema_migrations are applied in order and recorded, as
// `supabase db push` does for a linked hosted project. Use the project's direct or
// session-pooler connection string (Project Settings → Database), not the transaction pooler.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROOT, sql } from './stack/migrate.ts';

const [dbUrl, ...flags] = process.argv.slice(2);
const allowed = new Set(['--include-seed', '--dry-run']);
if (!dbUrl || !/^postgres(ql)?:\/\//.test(dbUrl) || flags.some((f) => !allowed.has(f))) {
	console.error('usage: npm run db:push -- postgresql://postgres:PASSWORD@HOST:5432/postgres [--include-seed] [--dry-run]');
	process.exit(2);
}

const url = new URL(dbUrl);
const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
// a local Postgres has no TLS; a hosted one must be reached over TLS (the CLI's default)
if (local && !url.searchParams.has('sslmode')) url.searchParams.set('sslmode', 'disable');
console.log(`db:push: applying supabase/migrations to ${url.hostname}:${url.port || 5432}${url.pathname}`);

const bin = fileURLToPath(new URL('../node_modules/.bin/supabase', import.meta.url));
const code = await new Promise<number>((resolve) => {
	const child = spawn(bin, ['db', 'push', '--db-url', url.toString(), '--yes', ...flags], { cwd: ROOT, stdio: 'inherit' });
	child.on('error', () => resolve(1));
	child.on('exit', (c) => resolve(c ?? 1));
});
if (code !== 0) {
	console.error(`db:push: the Supabase CLI failed (exit ${code}); nothing after the failing migration was applied`);
	process.exit(code);
}
// hosted Supabase reloads PostgREST's schema cache by itself; a local PostgREST is told
if (local && !flags.includes('--dry-run')) await sql(dbUrl, `notify pgrst, 'reload schema'`);
console.log('db:push: done');
