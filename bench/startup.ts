// npm run bench:startup — time from `npm start` to /healthz answering 200, with the data
// already initialised and the build up to date (goal ≤ 20 s). The first start, in a fresh
// data folder and with the build's stamp removed, builds the app (its time is printed
// separately) while it creates, migrates and seeds the database; it is timed too, then
// stopped, and the second start is the figure. Ports are free ones, so a running demo is
// not disturbed; build/ is built again once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { STAMP_FILE } from '../scripts/stack/build-stamp.ts';
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

async function start(): Promise<{ seconds: number; build: number | null }> {
	const t0 = performance.now();
	// `node scripts/start.ts` is what `npm start` runs; npm itself would only add its own start-up
	const child = spawn(process.execPath, ['scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	try {
		await healthy(`http://localhost:${ports.PORT}/healthz`, child);
		const built = /built in ([\d.]+) s/.exec(output);
		return { seconds: (performance.now() - t0) / 1000, build: built ? Number(built[1]) : null };
	} finally {
		await new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGINT');
		});
	}
}

try {
	rmSync(STAMP_FILE, { force: true });
	const first = await start();
	const second = await start();
	console.log(`start-up benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version})`);
	console.log(`  the production build (npm run build, inside the first start): ${first.build?.toFixed(1) ?? '?'} s`);
	console.log(`  first start (builds the app while it creates, migrates and seeds the database): ${first.seconds.toFixed(1)} s`);
	console.log(
		`  start with the data initialised and the build up to date: ${second.seconds.toFixed(1)} s (goal ≤ 20 s: ${second.seconds <= 20 ? 'met' : 'NOT met'})`
	);
	if (second.build !== null) console.log('  (the second start built the app again: the sources changed during the run?)');
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
