// npm run bench:startup — time from `npm start` to /healthz answering 200, with the data
// already initialised (goal ≤ 20 s). The first start in a fresh data folder creates,
// migrates and seeds the database; it is timed too, then stopped, and the second start is
// the figure. Ports are free ones, so a running demo is not disturbed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/stack/free-port.ts';
import { ROOT } from '../scripts/stack/migrate.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'busett-startup-'));
chmodSync(dataDir, 0o755);
const names = ['PORT', 'BUSETT_API_PORT', 'BUSETT_DB_PORT', 'BUSETT_MAILBOX_PORT', 'BUSETT_SMTP_PORT', 'BUSETT_POSTGREST_PORT'];
const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, String(await freePort())])));
const env = { PATH: process.env.PATH, HOME: process.env.HOME, BUSETT_DATA_DIR: dataDir, ...ports };

async function healthy(url: string, child: ChildProcess, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
		const status = await fetch(url).then(
			(r) => r.status,
			() => 0
		);
		if (status === 200) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s`);
}

async function start(): Promise<number> {
	const t0 = performance.now();
	// `node scripts/start.ts` is what `npm start` runs; npm itself would only add its own start-up
	const child = spawn(process.execPath, ['scripts/start.ts'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
	try {
		await healthy(`http://localhost:${ports.PORT}/healthz`, child);
		return (performance.now() - t0) / 1000;
	} finally {
		await new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGINT');
		});
	}
}

try {
	const first = await start();
	const second = await start();
	console.log(`start-up benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version})`);
	console.log(`  first start (create, migrate, seed): ${first.toFixed(1)} s`);
	console.log(`  start with the data initialised: ${second.toFixed(1)} s (goal ≤ 20 s: ${second <= 20 ? 'met' : 'NOT met'})`);
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
