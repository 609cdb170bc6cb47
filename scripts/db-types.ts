// npm run db:types [-- --check]
// Writes src/lib/database.types.ts from a database migrated from supabase/migrations
// (a throwaway one, unless DATABASE_URL names one). With --check it only compares,
// and fails when the committed file is out of date.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './stack/free-port.ts';
import { bootstrap, pushMigrations } from './stack/migrate.ts';
import { startPostgres } from './stack/postgres.ts';
import { generateTypes, TYPES_FILE } from './stack/types.ts';

const check = process.argv.includes('--check');

async function typesFromThrowawayDb(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'busett-types-'));
	const log = (line: string) => console.error(line);
	const pg = await startPostgres({ dataDir: dir, port: await freePort(), fast: true, log });
	try {
		await bootstrap(pg.url, 'authenticator-local');
		await pushMigrations(pg.url, { seed: false, log });
		return await generateTypes(pg.url);
	} finally {
		await pg.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

const types = process.env.DATABASE_URL ? await generateTypes(process.env.DATABASE_URL) : await typesFromThrowawayDb();
if (check) {
	const current = readFileSync(TYPES_FILE, 'utf8');
	if (current !== types) {
		console.error('src/lib/database.types.ts is out of date: run `npm run db:types` and commit it.');
		process.exit(1);
	}
	console.log('database types are up to date');
} else {
	writeFileSync(TYPES_FILE, types);
	console.log(`wrote ${TYPES_FILE}`);
}
