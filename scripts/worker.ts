// npm run worker — the mail worker alone, without serving HTTP (every app instance runs one
// too; this is for running more, or for a deployment that wants it separate). Loading
// adapter-node's handler initialises the built server, whose init hook starts the worker;
// nothing listens. Same environment as the app; build first.
import { existsSync } from 'node:fs';
import { ROOT } from './stack/migrate.ts';

const handler = `${ROOT}/build/handler.js`;
if (!existsSync(handler)) {
	console.error('busett: no build/: run `npm run build` first');
	process.exit(1);
}
process.env.MAIL_WORKER = 'on';
await import(handler);
console.log('busett: mail worker running; stop with Ctrl-C');
// as adapter-node does once its server is closed: the hooks stop the worker, which hands
// back the mail it holds, and close the SMTP connections; then nothing keeps the process
const stop = (signal: string) => process.emit('sveltekit:shutdown' as 'warning', signal as unknown as Error);
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
