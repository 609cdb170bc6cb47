// npm run test:focus -- FILE... — a few test files on a throwaway stack, for working on one
// thing: builds the app, then runs the given Vitest files (integration or reliability) and
// Playwright files (tests/e2e) against one stack. `npm test` stays the whole truth.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './stack/free-port.ts';
import { startStack } from './stack/index.ts';
import { ROOT } from './stack/migrate.ts';
import { timeScale } from '../tests/helpers/time.ts';

// the load as this run starts, before its own work adds to it: one factor for every process's
// time budgets (tests/helpers/time.ts)
process.env.TEST_TIME_SCALE ??= timeScale().toFixed(2);

const files = process.argv.slice(2);
if (!files.length) {
	console.error('usage: npm run test:focus -- tests/integration/x.test.ts tests/e2e/y.test.ts …');
	process.exit(2);
}
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
	new Promise<number>((resolve) => {
		const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
		child.on('error', () => resolve(1));
		child.on('exit', (code) => resolve(code ?? 1));
	});

const e2e = files.filter((f) => f.includes('tests/e2e/'));
const integration = files.filter((f) => f.includes('tests/integration/'));
const reliability = files.filter((f) => f.includes('tests/reliability/'));

const workDir = mkdtempSync(join(tmpdir(), 'busett-focus-'));
// postgres runs as its own system user and must reach its folder inside this one
chmodSync(workDir, 0o755);
const [api, db, postgrest, smtp, mailbox] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
const stack = await startStack({
	dataDir: join(workDir, 'stack'),
	ports: { api, db, postgrest, smtp, mailbox },
	fast: true,
	log: () => {}
});
let code = 0;
try {
	code ||= await run('npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn']);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		...stack.env,
		ORIGIN: 'http://localhost:5173',
		POSTGREST_DB_URI: stack.postgrestOptions.dbUrl,
		POSTGREST_JWT_SECRET: stack.postgrestOptions.jwtSecret
	};
	// Vitest's exit code does not tell a failed test here (see scripts/test.ts): its JSON report does
	const vitest = async (project: string, selected: string[]) => {
		const report = join(workDir, `${project}.json`);
		const exit = await run(
			bin('vitest'),
			['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...selected],
			env
		);
		return exit === 0 && existsSync(report) && JSON.parse(readFileSync(report, 'utf8')).success ? 0 : 1;
	};
	if (!code && integration.length) code ||= await vitest('integration', integration);
	if (!code && reliability.length) code ||= await vitest('reliability', reliability);
	if (!code && e2e.length) code ||= await run(bin('playwright'), ['test', ...e2e], { ...env, E2E_PORT: String(await freePort()) });
} finally {
	await stack.stop();
	rmSync(workDir, { recursive: true, force: true });
}
process.exit(code);
