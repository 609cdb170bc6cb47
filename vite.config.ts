import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { scaled } from './tests/helpers/time.ts';

export default defineConfig(({ command }) => ({
	plugins: [
		sveltekit(),
		// Only `vite dev` compiles the messages itself (and again on every edit). For builds
		// and Vitest they are compiled beforehand by `npm run i18n`: the plugin's compiler
		// leaves handles open that keep a build from exiting for ~25 s and Vitest for 10 s.
		command === 'serve' &&
			!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// the logged-in person's setting (see hooks.server.ts), their choice (cookie),
				// then the browser's languages, then Nynorsk; keep in step with `npm run i18n`
				strategy: ['custom-user', 'cookie', 'preferredLanguage', 'baseLocale']
			})
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.{test,spec}.{js,ts}', 'scripts/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					// the suites share one database and one SMTP sink
					fileParallelism: false,
					testTimeout: scaled(30_000),
					hookTimeout: scaled(60_000)
				}
			},
			{
				// fuzzed input, concurrency and faults, on a stack of its own (npm run test:reliability)
				extends: './vite.config.ts',
				test: {
					name: 'reliability',
					environment: 'node',
					include: ['tests/reliability/**/*.test.ts'],
					globalSetup: ['tests/reliability/global-setup.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					fileParallelism: false,
					testTimeout: scaled(300_000),
					hookTimeout: scaled(120_000)
				}
			},
			{
				// benchmarks of pure code (no stack); print figures, fail only on a wrong result
				extends: './vite.config.ts',
				test: {
					name: 'bench-engine',
					environment: 'node',
					include: ['bench/**/*.engine.bench.test.ts'],
					testTimeout: 600000
				}
			},
			{
				// benchmarks print figures and fail only on a wrong result; not part of npm test
				extends: './vite.config.ts',
				test: {
					name: 'bench',
					environment: 'node',
					include: ['bench/**/*.bench.test.ts'],
					exclude: ['bench/**/*.engine.bench.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					fileParallelism: false,
					testTimeout: scaled(300_000),
					hookTimeout: scaled(120_000)
				}
			}
		]
	}
}));
