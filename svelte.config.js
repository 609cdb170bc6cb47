import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';

// Inline styles: none but the style attributes written out in the source, each allowed by
// its hash ('unsafe-hashes' covers attributes only, never a <style> or a script), so a style
// attribute that got into a page some other way does not apply. They are the few in the
// components (a form shown inline in a table cell; the mails' HTML, previewed at /dev/mail
// in a frame that inherits this policy), app.html's wrapper, and SvelteKit's live region for
// screen readers (#svelte-announcer, in the root component Kit generates; read from Kit, so
// an upgrade that changes it keeps working). The app's own CSS is in files. A style written
// with {…} in it would be refused: use a class. tests/e2e/csp.test.ts fails on any style or
// script the policy refuses.
const ROOT = dirname(fileURLToPath(import.meta.url));
const kitRoot = join(dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json')), 'src/core/sync/write_root.js');
const announcer = /id="svelte-announcer"[^>]*\sstyle="([^"]+)"/.exec(readFileSync(kitRoot, 'utf8'))?.[1];
if (!announcer) throw new Error("svelte.config.js: the style of SvelteKit's #svelte-announcer was not found; see the CSP note there");
/** @param {string} dir @returns {string[]} */
const svelteFiles = (dir) =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
const written = [join(ROOT, 'src/app.html'), ...svelteFiles(join(ROOT, 'src'))].flatMap((file) =>
	[...readFileSync(file, 'utf8').matchAll(/\sstyle="([^"{}]*)"/g)].map((found) => found[1])
);
const styleAttributes = [...new Set([announcer, ...written])].map(
	(style) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(style).digest('base64')}`)
);

// the staff map's base map, when it is served from another origin than the app's (Kartverket's
// map services, a CDN with the municipality's PMTiles): its origins, space-separated, at build
// time — the policy is written into the build. Unset: the map's own data on a plain background.
const mapOrigins = /** @type {`https://${string}`[]} */ (
	(process.env.MAP_ORIGINS ?? '').split(/\s+/).filter((o) => /^https:\/\/[\w.-]+(:\d+)?$/.test(o))
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// runes everywhere in this project; libraries decide for themselves
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// assets by their absolute path (/_app/…), not relative to the page: the access hook
		// answers a refused address with the refusal page rendered for another (authorize.ts)
		paths: { relative: false },
		// scripts only from this site (SvelteKit adds hashes for its own inline script);
		// stylesheets only from this site and style attributes only those above; no framing
		// of this site anywhere; forms post only here
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', ...styleAttributes],
				'img-src': ['self', 'data:', ...mapOrigins],
				'font-src': ['self'],
				'connect-src': ['self', ...mapOrigins],
				'frame-src': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		typescript: {
			// the local-stack and test scripts are type-checked with the app
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../playwright.config.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
