// A throwaway PostgreSQL 15 from Debian's packages (installed by .ci/run): the major
// version hosted Supabase projects run (and the local stack's), with Debian's own initdb and
// pg_dump, so deploy and backup tests run on a database made as a fresh project's is.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/stack/free-port.ts';
import { sql } from '../../scripts/stack/migrate.ts';

export const PG15_BIN = '/usr/lib/postgresql/15/bin';

export type SystemPostgres = { url: (db?: string) => string; stop: () => Promise<void> };

// postgres refuses to run as root: as root, run it as the postgres system user
const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
	process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];

export async function startSystemPostgres(): Promise<SystemPostgres> {
	const dir = mkdtempSync(join(tmpdir(), 'busett-pg15-'));
	chmodSync(dir, 0o755);
	const data = join(dir, 'data');
	mkdirSync(data, { mode: 0o700 });
	if (process.getuid?.() === 0) {
		const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
		chownSync(data, Number(id), Number(gid));
	}
	const init = spawnSync(
		...asPostgres(`${PG15_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']),
		{ encoding: 'utf8' }
	);
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
	const port = await freePort();
	const [cmd, args] = asPostgres(`${PG15_BIN}/postgres`, [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off'
	]);
	const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	child.stderr?.on('data', (d) => (log += d));
	const url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
	for (let i = 0; ; i++) {
		const ok = await sql(url(), 'select 1').then(
			() => true,
			() => false
		);
		if (ok) break;
		if (i > 100 || child.exitCode !== null) throw new Error(`postgres 15 did not start: ${log}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				// SIGINT is postgres's fast shutdown; sent to postgres itself, as runuser does not pass it on
				const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
				process.kill(pid, 'SIGINT');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
