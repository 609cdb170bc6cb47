// The HTTP headers of the production build: nothing the app answers is cached (pages with
// personal data least of all), the built files keep their long caching, powerful browser
// features are denied, the CSP lets no inline style through but those written in the
// source, and over an https ORIGIN browsers are told to stay on https (HSTS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { seedId } from '../helpers/seed';

const STAFF = 'sakshandsamar@fjordvik.kommune.no';
const HOUSEHOLD = `/staff/households/${seedId('household:5')}`;
const HTTPS_ORIGIN = 'https://busett.kommune.example';

let plain: RunningApp;
let https: RunningApp;
beforeAll(async () => {
	[plain, https] = await Promise.all([
		startApp(appEnv({ MAIL_WORKER: 'off' })),
		startApp(appEnv({ MAIL_WORKER: 'off', ORIGIN: HTTPS_ORIGIN }))
	]);
});
afterAll(() => Promise.all([plain?.stop(), https?.stop()]));

/** logs in to an app whose ORIGIN may differ from the address it is reached at (a proxy in front) */
async function staffCookie(app: RunningApp, origin: string): Promise<string> {
	const res = await fetch(`${app.url}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email: STAFF, password: 'busett-demo-2026' }),
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '127.0.0.9' },
		redirect: 'manual'
	});
	expect(res.status).toBe(303);
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

const get = (app: RunningApp, path: string, cookie = '') =>
	fetch(`${app.url}${path}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }, redirect: 'manual' });

function expectNotCached(res: Response, what: string) {
	expect(res.headers.get('cache-control'), what).toBe('private, no-store');
}

describe('the HTTP headers', () => {
	it('keep a page with personal data out of every cache, over http and https', async () => {
		for (const [app, origin] of [
			[plain, plain.url],
			[https, HTTPS_ORIGIN]
		] as const) {
			const res = await get(app, HOUSEHOLD, await staffCookie(app, origin));
			expect(res.status).toBe(200);
			expectNotCached(res, `${origin} ${HOUSEHOLD}`);
			// the page's data for a client-side navigation too
			const data = await get(app, `${HOUSEHOLD}/__data.json`, await staffCookie(app, origin));
			expect(data.status).toBe(200);
			expectNotCached(data, `${origin} ${HOUSEHOLD}/__data.json`);
		}
	});

	it('keep public pages, token links, refusals, redirects and endpoints out of every cache too', async () => {
		for (const path of [
			'/',
			'/about',
			'/login',
			'/reset/abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz',
			'/staff',
			'/healthz',
			'/nowhere'
		]) {
			const res = await get(plain, path);
			expect(res.status, path).toBeLessThan(500);
			expectNotCached(res, path);
		}
	});

	it('leave the built files their long caching', async () => {
		const html = await (await get(plain, '/')).text();
		const asset = /(\/_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
		expect(asset).toBeDefined();
		const res = await get(plain, asset!);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
		const icon = await get(plain, '/favicon.svg');
		expect(icon.status).toBe(200);
		expect(icon.headers.get('cache-control') ?? '').not.toContain('no-store');
	});

	it('tell browsers to stay on https only when ORIGIN is https', async () => {
		for (const path of ['/', HOUSEHOLD, '/healthz']) {
			expect((await get(https, path)).headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
			expect((await get(plain, path)).headers.get('strict-transport-security'), path).toBeNull();
		}
	});

	it('deny the camera, microphone, location and payments, on every answer', async () => {
		for (const app of [plain, https])
			for (const path of ['/', HOUSEHOLD, '/healthz']) {
				const policy = (await get(app, path)).headers.get('permissions-policy') ?? '';
				for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy, path).toContain(`${feature}=()`);
			}
	});

	it('send a CSP that lets no inline style through but the hashed attributes', async () => {
		const res = await get(plain, '/login');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("style-src 'self'");
		expect(csp).not.toContain('unsafe-inline');
		expect(csp).toMatch(/style-src-attr 'unsafe-hashes'( 'sha256-[\w+/=]+')+/);
		expect(csp).toContain("frame-ancestors 'none'");
	});
});

describe('a request too large', () => {
	it('gets an HTML page with the message in the person’s language (413), and reaches no action', async () => {
		const cookie = await staffCookie(plain, plain.url);
		const res = await fetch(`${plain.url}/staff/households/new`, {
			method: 'POST',
			body: new URLSearchParams({ imdi_reference: 'STOR-1', notes: 'x'.repeat(600 * 1024) }),
			headers: { origin: plain.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
			redirect: 'manual'
		});
		expect(res.status).toBe(413);
		expect(res.headers.get('content-type')).toContain('text/html');
		const html = await res.text();
		expect(html).toContain('<html lang="nn">');
		expect(html).toContain('<h1>Det som vart sendt, er for stort.</h1>');
		expect(html).toContain('<a href="/">');
		expectNotCached(res, 'a refused body');
		const { count } = await serviceClient().from('households').select('id', { count: 'exact', head: true }).eq('imdi_reference', 'STOR-1');
		expect(count).toBe(0);
	});
});
