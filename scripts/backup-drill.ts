// npm run backup:drill -- <source-db-url> <empty-target-db-url>
// The restore drill of docs/operations.md: dumps the source, restores the dump into an
// empty database (a new Supabase project, or a bootstrapped local Postgres) and compares
// the rows of every table. Exit 0 only when every count matches.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, restore, rowCounts } from './backup.ts';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
	console.error('usage: npm run backup:drill -- <source-db-url> <empty-target-db-url>');
	process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'busett-drill-'));
const file = join(dir, 'busett.dump');
try {
	const t0 = Date.now();
	await dump(source, file);
	console.log(`drill: dumped ${(statSync(file).size / 1024).toFixed(0)} KiB in ${Date.now() - t0} ms`);
	await restore(file, target);
	console.log(`drill: restored in ${Date.now() - t0} ms`);
	const [before, after] = await Promise.all([rowCounts(source), rowCounts(target)]);
	const differ = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
	for (const t of Object.keys(before)) console.log(`drill: ${t.padEnd(45)} ${before[t]} → ${after[t] ?? 'missing'}`);
	if (differ.length) {
		console.error(`drill: FAILED, counts differ in ${differ.join(', ')}`);
		process.exitCode = 1;
	} else {
		console.log(`drill: OK, ${Object.keys(before).length} tables, ${Object.values(before).reduce((a, b) => a + b, 0)} rows`);
	}
} catch (error) {
	console.error(`drill: FAILED, ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
