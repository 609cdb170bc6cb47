import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// runes everywhere in this project; libraries decide for themselves
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// scripts only from this site (SvelteKit adds hashes for its own inline script);
		// no framing of this site anywhere; forms post only here
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
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
