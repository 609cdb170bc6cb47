// npm run build (after `npm run i18n`): the production build (`vite build`, adapter-node
// into build/, arguments passed on), then a stamp of the sources it was made from
// (stack/build-stamp.ts), so `npm start` knows whether it must build again. The sources are
// hashed before building: a file edited during the build makes the next start build again.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sourcesHash, writeStamp } from './stack/build-stamp.ts';
import { ROOT } from './stack/migrate.ts';

const hash = sourcesHash();
const code = await new Promise<number>((resolve) => {
	const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', ...process.argv.slice(2)], {
		cwd: ROOT,
		stdio: 'inherit'
	});
	child.on('error', () => resolve(1));
	child.on('exit', (exit) => resolve(exit ?? 1));
});
if (code === 0) writeStamp(hash);
process.exit(code);
