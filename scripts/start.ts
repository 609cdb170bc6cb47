// npm start — the demo on this machine: the local stack in .data/ (created, migrated and
// seeded on first start), then the app. With SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and
// SMTP_URL set, no local stack starts and the app uses those instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { recordChild } from './stack/leftovers.ts';
import { portsFrom, startStack, type Stack } from './stack/index.ts';
import { ROOT } from './stack/migrate.ts';
import { waitFor } from './stack/postgrest.ts';

const hosted = Boolean(process.env.SUPABASE_URL && process.env.SUPABASE_SERVICE_ROLE_KEY && process.env.SMTP_URL);
const appPort = Number(process.env.PORT ?? 5173);
const say = (line: string) => console.log(`busett: ${line}`);

let stack: Stack | undefined;
// assigned once the stack is up; stop() may run before that
// eslint-disable-next-line prefer-const
let app: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	app?.kill('SIGTERM');
	await stack?.stop();
	process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const started = Date.now();
let env: NodeJS.ProcessEnv = process.env;
if (hosted) {
	say(`using the Supabase project at ${process.env.SUPABASE_URL} (no local stack)`);
} else {
	try {
		stack = await startStack({
			dataDir: process.env.BUSETT_DATA_DIR ?? join(ROOT, '.data'),
			ports: portsFrom(process.env),
			log: say
		});
	} catch (error) {
		say(`the local stack did not start: ${(error as Error).message}`);
		await stop(1);
	}
	env = { ...stack!.env, ...process.env };
}

env = { ORIGIN: `http://localhost:${appPort}`, ...env };
app = spawn(join(ROOT, 'node_modules/.bin/vite'), ['dev', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'], {
	cwd: ROOT,
	env,
	stdio: ['ignore', 'inherit', 'inherit']
});
if (stack) recordChild(stack.children, app.pid, 'vite');
app.on('exit', (code) => {
	if (!stopping) {
		say(`the app stopped (exit ${code})`);
		void stop(code ?? 1);
	}
});

const url = `http://localhost:${appPort}`;
await waitFor(`${url}/healthz`, 'the app', 60000, app);
say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
say(`app        ${url}`);
say(`health     ${url}/healthz`);
if (stack) {
	say(`mail       ${url}/dev/mail (every mail the app sends lands here)`);
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
