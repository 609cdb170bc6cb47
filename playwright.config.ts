import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { scaled } from './tests/helpers/time.ts';

// Playwright cannot download its browsers here: use Debian's Chromium where it exists.
const debianChromium = '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// a test may wait for mail behind the outbox's backlog (see tests/e2e/mail.test.ts); every
	// budget stretches with the machine's load (tests/helpers/time.ts)
	timeout: scaled(60_000),
	expect: { timeout: scaled(5_000) },
	forbidOnly: true,
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		// a browser set to Nynorsk, so pages are in the default language; a typical Norwegian
		// browser asks for Bokmål and gets it (tests/e2e/languages.test.ts)
		locale: 'nn-NO',
		launchOptions: existsSync(debianChromium)
			? {
					executablePath: debianChromium,
					// this machine's network is closed: keep Chromium from reaching out
					args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
				}
			: {}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'nn-NO' } }],
	// the production build (adapter-node) against the stack npm test started
	webServer: {
		command: 'node build',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: scaled(60_000),
		env: {
			...(process.env as Record<string, string>),
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			// the e2e tests read the mails the app sends at /dev/mail, as a person trying the demo would
			DEV_MAILBOX: '1',
			// photos are uploaded (15 MB each); the app refuses large bodies elsewhere itself
			BODY_SIZE_LIMIT: '64M'
		}
	}
});
