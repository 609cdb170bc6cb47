// Runs the production build (`node build`, as adapter-node deploys it) as a child
// process with the environment a test chooses.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../../scripts/stack/free-port.ts';
import { ROOT } from '../../scripts/stack/migrate.ts';
import { waitFor } from '../../scripts/stack/postgrest.ts';
import { stackEnv } from './env';

export type RunningApp = { url: string; stop: () => Promise<void>; output: () => string; process: ChildProcess };

/** the environment an app under test needs: the stack's, tests choose the rest */
export function appEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
	const env = stackEnv();
	return {
		SUPABASE_URL: env.supabaseUrl,
		SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
		SMTP_URL: env.smtpUrl,
		APP_SECRET: env.appSecret,
		// the dwellings' photos: the stack's S3 server
		...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('STORAGE_'))),
		// tests write the database behind the app's back (as another instance would) and read
		// the page at once: nothing kept (src/lib/server/kept.ts); the benchmarks turn it on
		KEEP_READS: 'off',
		// photos are uploaded (15 MB each); the app refuses large bodies elsewhere itself
		BODY_SIZE_LIMIT: '64M',
		...overrides
	};
}

export async function startApp(env: Record<string, string | undefined>): Promise<RunningApp> {
	if (!existsSync(`${ROOT}/build/index.js`)) throw new Error('no build/: run `npm run build` first (npm test does)');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		env: { PATH: process.env.PATH, ...env, PORT: String(port), ORIGIN: env.ORIGIN ?? url },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	try {
		await waitFor(`${url}/`, 'the app', 30000, child);
	} catch (error) {
		child.kill('SIGKILL');
		throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
	}
	return {
		url,
		process: child,
		output: () => output,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

/** Runs the build with the given environment and returns what it printed and its exit code. */
export function runAppExpectingExit(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['build'], {
			cwd: ROOT,
			env: { PATH: process.env.PATH, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}
