// npm test — everything, on a throwaway local stack that this run starts and stops:
// typecheck, lint, database types up to date, build, unit and integration tests (Vitest), the
// reliability suite (on a stack of its own), end-to-end tests in Chromium (Playwright).
// Ports are free ones, so a running `npm start` is not disturbed. Ends with one line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './stack/free-port.ts';
import { startStack, type Stack } from './stack/index.ts';
import { ROOT } from './stack/migrate.ts';
import { timeScale } from '../tests/helpers/time.ts';

// the load as this run starts, before its own work adds to it: one factor for every process's
// time budgets (tests/helpers/time.ts)
process.env.TEST_TIME_SCALE ??= timeScale().toFixed(2);
import { generateTypes, TYPES_FILE } from './stack/types.ts';

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const say = (line: string) => console.log(`\n▶ ${line}`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
		child.on('error', () => resolve(1));
		child.on('exit', (code) => resolve(code ?? 1));
	});
}

const workDir = mkdtempSync(join(tmpdir(), 'busett-test-'));
// postgres runs as its own system user and must reach its folder inside this one
chmodSync(workDir, 0o755);
let stack: Stack | undefined;
const failedSteps: string[] = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

async function step(name: string, fn: () => Promise<boolean>) {
	say(name);
	const t0 = Date.now();
	const ok = await fn().catch((error: Error) => {
		console.error(error.message);
		return false;
	});
	console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
	if (!ok) failedSteps.push(name);
}

let stackStart: Promise<Stack> | undefined;

process.on('SIGINT', async () => {
	// a stack still starting is stopped once it is up
	await (stack ?? (await stackStart?.catch(() => undefined)))?.stop();
	process.exit(130);
});
try {
	// the stack starts while the typecheck and lint run: it waits on initdb and the migrations
	// more than on the processor. Its lines are shown once it is up (or has failed).
	const stackLog: string[] = [];
	stackStart = (async () => {
		const [api, db, postgrest, smtp, mailbox] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
		return startStack({
			dataDir: join(workDir, 'stack'),
			ports: { api, db, postgrest, smtp, mailbox },
			fast: true,
			log: (line) => stackLog.push(line)
		});
	})();
	stackStart.catch(() => {});

	await step('typecheck (svelte-check)', async () => (await run('npm', ['run', '--silent', 'check'])) === 0);

	await step('lint (eslint, prettier)', async () => (await run('npm', ['run', '--silent', 'lint'])) === 0);

	await step('local stack (throwaway, started alongside the typecheck)', async () => {
		try {
			stack = await stackStart!;
		} finally {
			for (const line of stackLog) console.log(line);
		}
		return true;
	});
	if (!stack) throw new Error('no stack, no tests');

	await step('database types are up to date', async () => {
		const fresh = await generateTypes(stack!.env.DATABASE_URL);
		if (fresh === readFileSync(TYPES_FILE, 'utf8')) return true;
		console.error('src/lib/database.types.ts is out of date: run `npm run db:types` and commit it.');
		return false;
	});

	await step('build', async () => (await run('npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn'])) === 0);

	const env: NodeJS.ProcessEnv = {
		...process.env,
		...stack.env,
		// the e2e server sets its own; this one is for links in mails the tests render
		ORIGIN: 'http://localhost:5173',
		POSTGREST_DB_URI: stack.postgrestOptions.dbUrl,
		POSTGREST_JWT_SECRET: stack.postgrestOptions.jwtSecret
	};

	// a suite that failed in its setup fails no test, but the run all the same
	const vitest = async (projects: string[], name: string) => {
		const report = join(workDir, `${name}.json`);
		const code = await run(
			bin('vitest'),
			['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
			env
		);
		const result = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += result.numPassedTests;
		totals.failed += result.numFailedTests + result.numFailedTestSuites;
		totals.skipped += result.numPendingTests + result.numTodoTests;
		return code === 0 && result.success;
	};

	await step('unit and integration tests (vitest)', () => vitest(['unit', 'integration'], 'vitest'));

	// on a stack of its own: fuzzing and faults must not disturb the other suites' data
	await step('reliability tests (vitest, own stack)', () => vitest(['reliability'], 'reliability'));

	await step('end-to-end tests (playwright, chromium)', async () => {
		const report = join(workDir, 'playwright.json');
		const code = await run(bin('playwright'), ['test', '--reporter=list,json'], {
			...env,
			E2E_PORT: String(await freePort()),
			PLAYWRIGHT_JSON_OUTPUT_NAME: report
		});
		const { stats } = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += stats.expected + stats.flaky;
		totals.failed += stats.unexpected;
		totals.skipped += stats.skipped;
		return code === 0;
	});
} catch (error) {
	console.error((error as Error).message);
	failedSteps.push('setup');
} finally {
	// a stack still starting when the run ended early is stopped too
	stack ??= await stackStart?.catch(() => undefined);
	await stack?.stop();
	rmSync(workDir, { recursive: true, force: true });
}

if (failedSteps.length) console.log(`\nfailed: ${failedSteps.join(', ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
// a failed step without failed tests (typecheck, build) still counts as a failure
const failed = Math.max(totals.failed, failedSteps.length ? 1 : 0);
console.log(`\ntests: ${totals.passed} passed, ${failed} failed${skipped}`);
process.exit(failedSteps.length ? 1 : 0);
