import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// runes everywhere in this project; libraries decide for themselves
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
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
