// After verifying, the newcomer is logged in — in the browser that registered, and only
// there (src/lib/server/auth/verify-browser.ts): its cookie binds it to the link mailed, and
// neither the cookie without the link nor the link without the cookie logs anyone in.
// Where it was going (`next`) is a path on this site, or nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { linkIn, mailTo } from '../helpers/mailbox';

let app: RunningApp;
beforeAll(async () => {
	// tests pretend to come from different addresses, so per-address limits stay theirs
	app = await startApp(appEnv({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }));
});
afterAll(() => app?.stop());

const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const newAddress = () => `ny-${randomUUID().slice(0, 8)}@example.no`;
const PASSWORD = 'ein lang nok setning';
const browser = () => new Client(app.url, uniqueIp());

async function register(client: Client, email: string, role: 'landlord' | 'volunteer', next?: string) {
	const res = await client.post(`/register?role=${role}`, {
		role,
		display_name: 'Nora Nykomar',
		email,
		password: PASSWORD,
		next: next ?? ''
	});
	expect(res.status).toBe(200);
	return linkIn(await mailTo(email, /Stadfest e-postadressa/), '/verify');
}

const verifiedAt = async (email: string) =>
	(await serviceClient().from('users').select('email_verified_at').eq('email', email).single()).data?.email_verified_at ?? null;

describe('logging in by the verification link', () => {
	it('logs in the browser that registered and takes it where it was going', async () => {
		const client = browser();
		const email = newAddress();
		const link = await register(client, email, 'landlord', '/landlord/dwellings/new');
		// an HttpOnly cookie that holds no token: the link's secret is in the mail alone
		expect(client.cookie('busett_verify')).toBeDefined();
		expect(decodeURIComponent(client.cookie('busett_verify')!)).not.toContain(link.split('/').pop()!.split('.')[0]);

		const res = await client.post(link);
		expect(res.status).toBe(303);
		expect(location(res)).toBe('/landlord/dwellings/new');
		expect(client.cookie('busett_session')).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
		expect(client.cookie('busett_verify')).toBeUndefined();
		expect((await client.get('/landlord/dwellings/new')).status).toBe(200);
		expect(await verifiedAt(email)).not.toBeNull();
	});

	it("takes a browser without a `next` to its role's start page", async () => {
		const client = browser();
		const link = await register(client, newAddress(), 'volunteer');
		expect(location(await client.post(link))).toBe('/volunteer');
		expect((await client.get('/volunteer')).status).toBe(200);
	});

	it('verifies a link opened in another browser and logs no one in', async () => {
		const registering = browser();
		const email = newAddress();
		const link = await register(registering, email, 'landlord', '/landlord/dwellings/new');
		const other = browser();
		const res = await other.post(link);
		expect(location(res)).toBe('/login?verified');
		expect(other.cookie('busett_session')).toBeUndefined();
		expect(await verifiedAt(email)).not.toBeNull();
		// nor is the registering browser logged in afterwards: its link is spent
		expect(location(await registering.post(link))).toBeNull();
		expect(location(await registering.get('/landlord'))).toMatch(/^\/login/);
	});

	it("logs in with neither the cookie copied to a browser that has another's link, nor a cookie for another registration", async () => {
		const mine = browser();
		await register(mine, newAddress(), 'volunteer');
		const theirEmail = newAddress();
		const theirs = browser();
		const theirLink = await register(theirs, theirEmail, 'volunteer');
		// this browser's binding is to its own link, not to theirs
		expect(location(await mine.post(theirLink))).toBe('/login?verified');
		expect(mine.cookie('busett_session')).toBeUndefined();

		// a made-up binding for their link, without the app's secret
		const forger = browser();
		const again = await register(forger, newAddress(), 'volunteer');
		forger.setCookie('busett_verify', encodeURIComponent(JSON.stringify({ mac: 'A'.repeat(43), next: '/volunteer' })));
		expect(location(await forger.post(again))).toBe('/login?verified');
		expect(forger.cookie('busett_session')).toBeUndefined();
	});

	it('binds a browser that registers an address already taken just the same, and verifies nothing', async () => {
		const taken = newAddress();
		await register(browser(), taken, 'volunteer');
		const client = browser();
		const res = await client.post('/register?role=volunteer', {
			role: 'volunteer',
			display_name: 'Nokon',
			email: taken,
			password: PASSWORD,
			next: ''
		});
		expect(await res.text()).toContain('Sjekk e-posten din');
		// the same cookie as a real registration gets: the answer tells nothing
		expect(client.cookie('busett_verify')).toBeDefined();
		expect(await verifiedAt(taken)).toBeNull();
	});

	for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)'])
		it(`ignores a next that leaves the site (${next}), in the page's link and in the form`, async () => {
			const client = browser();
			const page = await (await client.get(`/register?role=landlord&next=${encodeURIComponent(next)}`)).text();
			expect(page).toContain('name="next" value=""');
			// no link, field or form leads there (the language switcher names this very page, which is here)
			expect(page).not.toMatch(/(href|action)="[^"]*evil/);
			expect(page).toContain('href="/login"');
			const link = await register(client, newAddress(), 'landlord', next);
			expect(location(await client.post(link))).toBe('/landlord');
		});
});

describe('the way to registration', () => {
	it('leads a newcomer from "Offer a home" and "Become a volunteer" to registration with the role chosen', async () => {
		const landing = await (await browser().get('/')).text();
		expect(landing).toContain('href="/register?role=landlord&amp;next=%2Flandlord%2Fdwellings%2Fnew"');
		expect(landing).toContain('href="/register?role=volunteer&amp;next=%2Fvolunteer"');
		const register = await (await browser().get('/register?role=landlord&next=%2Flandlord%2Fdwellings%2Fnew')).text();
		expect(register).toMatch(/<input[^>]*value="landlord"[^>]*checked/);
		expect(register).toContain('name="next" value="/landlord/dwellings/new"');
		expect(register).toContain('href="/login?redirectTo=%2Flandlord%2Fdwellings%2Fnew"');
	});

	it('leads a newcomer from the pages for landlords and for volunteers to registration too, and someone logged in on', async () => {
		expect(await (await browser().get('/for-landlords')).text()).toContain(
			'href="/register?role=landlord&amp;next=%2Flandlord%2Fdwellings%2Fnew"'
		);
		expect(await (await browser().get('/for-volunteers')).text()).toContain('href="/register?role=volunteer&amp;next=%2Fvolunteer"');
		const landlord = browser();
		await landlord.login('utleigar@example.no');
		const page = await (await landlord.get('/for-landlords')).text();
		expect(page).toContain('href="/landlord/dwellings/new"');
		expect(page).not.toContain('/register?role=landlord');
	});

	it("leads someone logged in to their role's pages, not to registration", async () => {
		const client = browser();
		await client.login('utleigar@example.no');
		const landing = await (await client.get('/')).text();
		expect(landing).toContain('href="/landlord"');
		expect(landing).not.toContain('href="/register');
	});

	it('offers registration from the login page for the role and the page a visitor was sent from', async () => {
		const login = await (await browser().get('/login?redirectTo=%2Fvolunteer%2Fprofile')).text();
		expect(login).toContain('href="/register?role=volunteer&amp;next=%2Fvolunteer%2Fprofile"');
	});
});
