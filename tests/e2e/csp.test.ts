// The Content-Security-Policy refuses inline styles but the style attributes written in the
// source (svelte.config.js), and every inline script but SvelteKit's own: on every page of
// the route tree, for the person who opens it, once the page has hydrated, Chromium reports
// no violation of the policy and no error in the console.
import { expect, request as requests, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { addressOf, inGroups, loginOf, pageRoutes, UNREACHABLE, visitorsOf, WHO, type Who } from '../helpers/site-pages';
import { scaled } from '../helpers/time';

const PAGES_PER_TEST = 8;
const sessions = new Map<Who, Awaited<ReturnType<BrowserContext['storageState']>>>();

const PASSWORD = 'busett-demo-2026';

async function logIn(request: APIRequestContext, baseURL: string, who: Who) {
	if (who === 'anonymous') return;
	const res = await request.post('/login', {
		form: { email: await loginOf(who), password: PASSWORD },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `logging in as ${who}`).toBe(303);
}

let addresses: Promise<Map<string, string>> | undefined;
function resolveAll(baseURL: string): Promise<Map<string, string>> {
	addresses ??= (async () => {
		const clients = {} as Record<Who, APIRequestContext>;
		for (const who of WHO) {
			clients[who] = await requests.newContext({ baseURL });
			await logIn(clients[who], baseURL, who);
		}
		const found = new Map<string, string>();
		for (const route of pageRoutes()) if (!(route in UNREACHABLE)) found.set(route, await addressOf(route, clients));
		await Promise.all(Object.values(clients).map((c) => c.dispose()));
		return found;
	})();
	return addresses;
}

/** listens, in every document of the page (frames too), for what the policy refuses */
function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		// the mails at /dev/mail are shown in sandboxed frames where no script runs: Chromium
		// says so for the listener this test adds to every frame (addInitScript), and would for
		// a script in a mail — the sandbox doing its work, not something the policy refused
		if (/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(message.text())) return;
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	return problems;
}

async function violations(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
}

test.describe('the content security policy', () => {
	for (const who of WHO) {
		const routes = pageRoutes().filter((r) => !(r in UNREACHABLE) && visitorsOf(r).includes(who));
		test(`${who} opens some pages`, () => expect(routes.length).toBeGreaterThan(0));
		// in groups of pages, each a test with its own budget (one test for all needed 180 s on a busy machine)
		const groups = inGroups(routes, PAGES_PER_TEST);
		groups.forEach((group, i) =>
			test(`refuses nothing on the pages ${who} opens, ${i + 1}/${groups.length}`, async ({ browser, baseURL }) => {
				test.setTimeout(scaled(90_000));
				const all = await resolveAll(baseURL!);
				// a person's session is made once per worker and reused by each group of their pages
				const saved = sessions.get(who);
				const context = await browser.newContext({ locale: 'nn-NO', ...(saved ? { storageState: saved } : {}) });
				if (!saved) {
					await logIn(context.request, baseURL!, who);
					sessions.set(who, await context.storageState());
				}
				await context.addInitScript(() => {
					const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
					document.addEventListener('securitypolicyviolation', (e) =>
						seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sample.slice(0, 60)})`)
					);
				});
				const page = await context.newPage();
				const problems = watch(page);
				for (const route of group) {
					const address = all.get(route)!;
					const before = problems.length;
					const response = await page.goto(address);
					expect(response?.status(), address).toBeLessThan(400);
					// the policy must not be the old one that let every inline style through
					expect(response?.headers()['content-security-policy'], address).not.toContain('unsafe-inline');
					// SvelteKit's live region appears once the page has hydrated, with its style attribute
					await expect(page.locator('#svelte-announcer'), address).toBeAttached();
					expect(await page.locator('#svelte-announcer').evaluate((el) => getComputedStyle(el).position), address).toBe('absolute');
					problems.push(...(await violations(page)));
					// what this page caused, named by its address
					problems.push(...problems.splice(before).map((p) => `${address}: ${p}`));
				}
				await context.close();
				expect(problems, problems.join('\n')).toEqual([]);
			})
		);
	}

	test('leaves the mails shown at /dev/mail their own styles', async ({ page, request, baseURL }) => {
		// a mail for the list: asking for a password reset sends one
		await request.post('/reset', {
			form: { email: 'frivillig07@example.no' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		const problems = watch(page);
		await page.goto('/dev/mail');
		const frame = page.frameLocator('iframe[srcdoc]').first();
		// the mail's wrapper is 560 px at most, from its inline style
		await expect(frame.locator('div').first()).toBeAttached();
		expect(
			await frame
				.locator('div')
				.first()
				.evaluate((el) => getComputedStyle(el).maxWidth)
		).toBe('560px');
		expect(problems, problems.join('\n')).toEqual([]);
	});
});
