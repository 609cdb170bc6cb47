// npm run test:fast — the edit loop: typecheck, lint, unit tests, and only the integration
// test files the change touches (scripts/changed-tests.ts), on one throwaway stack
// (test-focus.ts). The change is everything that differs from main's merge base: commits on
// this branch, uncommitted edits and new files (TEST_FAST_BASE names another base).
// `npm run test:fast -- --list` only prints the selection. `npm test` stays the whole truth: e2e and reliability are not run here.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { touchedTests } from './changed-tests.ts';
import { ROOT } from './stack/migrate.ts';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const lines = (text: string) => text.split('\n').filter(Boolean);
const run = (cmd: string, args: string[]) =>
	new Promise<number>((resolve) => {
		const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
		child.on('error', () => resolve(1));
		child.on('exit', (code) => resolve(code ?? 1));
	});

const base = git('merge-base', process.env.TEST_FAST_BASE ?? 'main', 'HEAD').trim();
const changed = [...new Set([...lines(git('diff', '--name-only', base)), ...lines(git('ls-files', '--others', '--exclude-standard'))])];
const sources = new Map<string, string>();
for (const file of lines(git('ls-files', '--cached', '--others', '--exclude-standard', 'src', 'tests', 'scripts')))
	if (/\.(ts|js|svelte)$/.test(file) && existsSync(join(ROOT, file))) sources.set(file, readFileSync(join(ROOT, file), 'utf8'));
const tests = touchedTests(changed, sources);

console.log(
	`▶ ${changed.length} files changed since ${base.slice(0, 8)}; integration tests touched: ${tests.length ? tests.join(' ') : 'none'}`
);
if (changed.some((f) => f.startsWith('supabase/migrations/')))
	console.log('  a migration changed: its effects reach tests this cannot see, run `npm test` before you push');

// --list: only say which tests the change touches
if (process.argv.includes('--list')) process.exit(0);

const failed: string[] = [];
const steps: [string, string, string[]][] = [
	['typecheck', 'npm', ['run', '--silent', 'check']],
	['lint', 'npm', ['run', '--silent', 'lint']],
	['unit', 'npm', ['run', '--silent', 'test:unit']]
];
if (tests.length) steps.push(['integration (touched)', process.execPath, [join(ROOT, 'scripts/test-focus.ts'), ...tests]]);
for (const [name, cmd, args] of steps) {
	console.log(`\n▶ ${name}`);
	const t0 = Date.now();
	const code = await run(cmd, args);
	console.log(`${code === 0 ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
	if (code !== 0) failed.push(name);
}
console.log(failed.length ? `\ntest:fast: failed: ${failed.join(', ')}` : '\ntest:fast: all passed');
process.exit(failed.length ? 1 : 0);
