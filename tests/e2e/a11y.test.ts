// WCAG 2.1 AA on every page of the route tree: for each kind of person and each language
// the app speaks, axe finds no violation, and at 320 px wide the page does not scroll
// sideways. One browser context per person and language visits the pages one by one.
import AxeBuilder from '@axe-core/playwright';
import { expect, request as requests, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { locales } from '../../src/lib/paraglide/runtime.js';
import { addressOf, inGroups, loginOf, pageRoutes, personSpeaking, UNREACHABLE, visitorsOf, WHO, type Who } from '../helpers/site-pages';
import { scaled } from '../helpers/time';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PASSWORD = 'busett-demo-2026';

async function logIn(request: APIRequestContext, baseURL: string, who: Who, locale = 'nn') {
	if (who === 'anonymous') return;
	// the demo people chose Nynorsk; for another language, someone who chose it
	const email = locale === 'nn' ? await loginOf(who) : await personSpeaking(who, locale);
	const res = await request.post('/login', {
		form: { email, password: PASSWORD },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `logging in as ${who}`).toBe(303);
}

// the addresses are resolved once per worker: some come from mails the app sends
let addresses: Promise<Map<string, string>> | undefined;
function resolveAll(baseURL: string): Promise<Map<string, string>> {
	addresses ??= (async () => {
		const clients = {} as Record<Who, APIRequestContext>;
		for (const who of WHO) {
			clients[who] = await requests.newContext({ baseURL });
			await logIn(clients[who], baseURL, who);
		}
		const found = new Map<string, string>();
		for (const route of pageRoutes()) {
			if (!(route in UNREACHABLE)) found.set(route, await addressOf(route, clients));
		}
		await Promise.all(Object.values(clients).map((c) => c.dispose()));
		return found;
	})();
	return addresses;
}

// a person's session is made once per worker and reused by each group of their pages
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

async function contextFor(browser: import('@playwright/test').Browser, baseURL: string, who: Who, locale: string): Promise<BrowserContext> {
	const saved = sessions.get(`${who}:${locale}`);
	if (saved) return browser.newContext({ locale: 'nn-NO', storageState: saved });
	const context = await browser.newContext({ locale: 'nn-NO' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
	await logIn(context.request, baseURL, who, locale);
	sessions.set(`${who}:${locale}`, await context.storageState());
	return context;
}

/** how far the page scrolls sideways, and the outermost elements that stick out (runs in the page) */
function sidewaysScroll() {
	const root = document.documentElement;
	const by = root.scrollWidth - root.clientWidth;
	if (by <= 0) return null;
	// inside a box that scrolls on its own, sticking out is fine
	const clipped = (el: Element) => el.parentElement?.closest('.table-scroll, iframe') != null;
	const out = (el: Element) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(el);
	const culprits = [...document.body.querySelectorAll('*')]
		.filter((el) => out(el) && ![...el.children].some(out))
		.slice(0, 3)
		.map(
			(el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}>${(el.textContent ?? '').trim().slice(0, 30)}`
		);
	return { by, culprits };
}

test('the route tree lists pages, and each page is visited by someone', () => {
	const routes = pageRoutes();
	expect(routes.length).toBeGreaterThan(30);
	for (const route of routes) expect(visitorsOf(route).length, route).toBeGreaterThan(0);
});

// a sweep is split into groups of pages, each a test with a budget of its own: one test for
// all of a person's pages needed 180 s on a busy machine
const PAGES_PER_TEST = 6;

test.describe('accessibility of every page', () => {
	for (const who of WHO) {
		for (const locale of locales) {
			const routes = pageRoutes().filter(
				(r) =>
					!(r in UNREACHABLE) &&
					visitorsOf(r).includes(who) &&
					// the landlord's own rows belong to the demo landlord, who reads Nynorsk (see personSpeaking)
					!(who === 'landlord' && locale !== 'nn' && r.includes('['))
			);
			test(`${who} in ${locale} opens some pages`, () => expect(routes.length).toBeGreaterThan(0));
			const groups = inGroups(routes, PAGES_PER_TEST);
			groups.forEach((group, i) =>
				test(`${who} in ${locale}, pages ${i + 1}/${groups.length}: no axe violations at WCAG 2.1 AA, no sideways scrolling at 320 px`, async ({
					browser,
					baseURL
				}) => {
					test.setTimeout(scaled(90_000));
					const all = await resolveAll(baseURL!);
					const context = await contextFor(browser, baseURL!, who, locale);
					const page = await context.newPage();
					const problems: string[] = [];
					for (const route of group) {
						const address = all.get(route)!;
						await page.setViewportSize({ width: 1280, height: 800 });
						const response = await page.goto(address);
						if (!response || response.status() >= 400) {
							problems.push(`${address}: HTTP ${response?.status()}`);
							continue;
						}
						if (page.url().includes('/login') && who !== 'anonymous') problems.push(`${address}: sent to the login page`);
						const lang = await page.locator('html').getAttribute('lang');
						if (lang !== locale) problems.push(`${address}: <html lang="${lang}">, expected ${locale}`);
						// a mail shown sandboxed at /dev/mail is the mail's HTML, not a page of the app
						const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).exclude('iframe[srcdoc]').analyze();
						if (passes.length === 0) problems.push(`${address}: axe checked nothing`);
						for (const v of violations)
							problems.push(`${address}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
						await page.setViewportSize({ width: 320, height: 640 });
						const wide = await page.evaluate(sidewaysScroll);
						if (wide)
							problems.push(`${address}: at 320 px the page scrolls sideways by ${wide.by} px, because of ${wide.culprits.join(', ')}`);
					}
					await context.close();
					expect(problems, problems.join('\n')).toEqual([]);
				})
			);
		}
	}
});
