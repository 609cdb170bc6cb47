// npm run worker — the mail worker alone, without serving HTTP (the app runs one in every
// instance too; this is for running more, or for a deployment that wants it separate).
// It starts the built server's hooks, whose init starts the worker; build first.
import { existsSync } from 'node:fs';
import { ROOT } from './stack/migrate.ts';

const entry = `${ROOT}/build/server/index.js`;
if (!existsSync(entry)) {
	console.error('busett: no build/: run `npm run build` first');
	process.exit(1);
}
process.env.MAIL_WORKER = 'on';
const { Server } = await import(entry);
const { manifest } = await import(`${ROOT}/build/server/manifest.js`);
const server = new Server(manifest);
await server.init({ env: process.env });
console.log('busett: mail worker running; stop with Ctrl-C');
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
