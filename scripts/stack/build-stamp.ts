// Which sources build/ was made from: a SHA-256 over every file that goes into the
// production build, written next to it after a successful `npm run build`. `npm start`
// builds again only when the sources no longer match (or there is no build). The hash is
// of contents, not times, so a checkout or a compile that rewrites a file unchanged does
// not force a build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './migrate.ts';

/** what the build reads: the app, its messages, its static files and its configuration */
export const BUILD_INPUTS = [
	'src',
	'messages',
	'project.inlang/settings.json',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json'
];

// compiled from messages/ by `npm run i18n` at every build: the messages are hashed instead
const GENERATED = new Set(['src/lib/paraglide']);

export const STAMP_FILE = join(ROOT, 'build', '.sources-sha256');

/** the hash of the build's inputs under root, path and content of each file in a fixed order */
export function sourcesHash(root = ROOT): string {
	const hash = createHash('sha256');
	const add = (path: string) => {
		const name = relative(root, path).split('\\').join('/');
		if (GENERATED.has(name) || !existsSync(path)) return;
		if (statSync(path).isDirectory()) {
			for (const entry of readdirSync(path).sort()) add(join(path, entry));
		} else {
			hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
		}
	};
	for (const input of BUILD_INPUTS) add(join(root, input));
	return hash.digest('hex');
}

/** is there a build, made from exactly these sources? */
export function buildIsCurrent(hash: string, stampFile = STAMP_FILE): boolean {
	return existsSync(join(stampFile, '..', 'index.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
}

export function writeStamp(hash: string, stampFile = STAMP_FILE) {
	writeFileSync(stampFile, `${hash}\n`);
}
