// `npm start` (scripts/start.ts) serves the demo through the production server: on a local
// stack of its own (a temporary data folder, free ports), it answers like `node build` —
// SvelteKit's CSRF origin check refuses a cross-site form post, no vite dev client in the
// pages — with the demo's mailbox page, on this machine only; Ctrl-C stops every process.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { ROOT } from '../../scripts/stack/migrate.ts';

const NAMES = ['PORT', 'BUSETT_API_PORT', 'BUSETT_DB_PORT', 'BUSETT_MAILBOX_PORT', 'BUSETT_SMTP_PORT', 'BUSETT_POSTGREST_PORT'];

let dataDir: string;
let ports: Record<string, string>;
let child: ChildProcess;
let output = '';
let base: string;
let origin: string;

const answers = (url: string) =>
	fetch(url).then(
		(r) => r.status,
		() => 0
	);

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'busett-start-'));
	// postgres runs as its own system user and must reach its folder inside this one
	chmodSync(dataDir, 0o755);
	ports = Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, String(await freePort())])));
	base = `http://127.0.0.1:${ports.PORT}`;
	origin = `http://localhost:${ports.PORT}`;
	// a group of its own, so a Ctrl-C can reach it the way a terminal sends it: to the whole group
	child = spawn(process.execPath, ['scripts/start.ts'], {
		cwd: ROOT,
		env: { PATH: process.env.PATH, HOME: process.env.HOME, BUSETT_DATA_DIR: dataDir, ...ports },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	for (const deadline = Date.now() + 150_000; !output.includes('busett: ready in'); await new Promise((r) => setTimeout(r, 100))) {
		if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
		if (Date.now() > deadline) throw new Error(`npm start was not ready:\n${output}`);
	}
}, 180_000);

afterAll(async () => {
	if (child?.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
	rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
	it('runs the production server', async () => {
		expect(output).toContain('(the production server)');
		const html = await (await fetch(`${base}/`)).text();
		expect(html).toContain('/_app/immutable/');
		expect(html).not.toContain('/@vite/client');
		expect(html).not.toContain('/@fs/');
	});

	it('refuses a cross-site form post with SvelteKit’s CSRF check, and takes one from its own origin', async () => {
		const post = (from: string) =>
			fetch(`${base}/login`, {
				method: 'POST',
				body: new URLSearchParams({ email: 'frivillig@example.no', password: 'busett-demo-2026' }),
				headers: { origin: from, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				redirect: 'manual'
			});
		const cross = await post('https://evil.example');
		expect(cross.status).toBe(403);
		expect(await cross.text()).toMatch(/Cross-site POST form submissions are forbidden/);
		expect((await post(origin)).status).toBe(303);
	});

	it('shows the demo mailbox at /dev/mail', async () => {
		const res = await fetch(`${base}/dev/mail`);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
	});

	it('stops every process on Ctrl-C', async () => {
		// PostgREST and the app are written down as the stack's children; Postgres in its pid file
		const children = [
			...(JSON.parse(readFileSync(join(dataDir, 'children.json'), 'utf8')) as { pid: number }[]).map((c) => c.pid),
			Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0])
		];
		expect(children).toHaveLength(3);
		expect(children.every((pid) => pid > 0)).toBe(true);
		const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		const t0 = Date.now();
		process.kill(-child.pid!, 'SIGINT');
		expect(await exit).toBe(0);
		// the app finishes its requests first (it gives up after 9 s), then the stack stops
		expect(Date.now() - t0).toBeLessThan(15_000);
		// (postgres runs as another user, so /proc rather than a signal; a zombie has no command line)
		const alive = children.filter((pid) => {
			try {
				return readFileSync(`/proc/${pid}/cmdline`, 'utf8') !== '';
			} catch {
				return false;
			}
		});
		expect(alive, 'processes still running after Ctrl-C').toEqual([]);
		expect(await answers(`${base}/healthz`)).toBe(0);
		expect(await answers(`http://127.0.0.1:${ports.BUSETT_API_PORT}/`)).toBe(0);
	}, 60_000);
});
