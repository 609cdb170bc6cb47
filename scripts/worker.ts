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
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
