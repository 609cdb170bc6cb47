// Sessions under attack: expired, forged, tampered and malformed session cookies are
// refused (the person is sent to log in, never shown a page or a 500), and the cookie is
// HttpOnly, SameSite=Lax, and over https Secure and named __Host-. Sessions end by the
// rules of the person's roles: staff after an hour idle or 12 hours in all, landlords and
// volunteers after 30 days idle or 90 days in all. (A forged secret
// on a real session id: tests/integration/accounts.test.ts; the anon key reading 0 rows
// from every table: tests/integration/stack.test.ts; the CSP: accounts.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';

const COOKIE = 'busett_session';
const HOST_COOKIE = '__Host-busett_session';
let app: RunningApp;
let https: RunningApp;
let strict: RunningApp;
beforeAll(async () => {
	[app, https, strict] = await Promise.all([
		startApp(appEnv({ MAIL_WORKER: 'off', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' })),
		// as behind a TLS-terminating proxy: the public address is https
		startApp(appEnv({ MAIL_WORKER: 'off', ORIGIN: 'https://busett.example' })),
		// a municipality that wants staff sessions shorter still
		startApp(appEnv({ MAIL_WORKER: 'off', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', SESSION_STAFF_IDLE_MINUTES: '10' }))
	]);
});
afterAll(async () => {
	await app?.stop();
	await https?.stop();
	await strict?.stop();
});

let ip = 0;
async function volunteer(): Promise<Client> {
	const client = new Client(app.url, `10.6.0.${++ip}`);
	expect((await client.login('frivillig02@example.no')).status).toBe(303);
	expect((await client.get('/volunteer')).status).toBe(200);
	return client;
}

const refused = async (client: Client) => {
	const res = await client.get('/volunteer');
	expect(res.status).toBe(303);
	expect(location(res)).toMatch(/^\/login/);
};

describe('session cookies', () => {
	it('refuses a session unused for 30 days and removes it', async () => {
		const client = await volunteer();
		const [id] = client.cookie(COOKIE)!.split('.');
		const lastUsed = new Date(Date.now() - 30 * 24 * 3600_000 - 60_000);
		const { error } = await serviceClient()
			.from('sessions')
			.update({ last_verified_at: lastUsed.toISOString(), expires_at: new Date(lastUsed.getTime() + 30 * 24 * 3600_000).toISOString() })
			.eq('id', id);
		expect(error).toBeNull();
		await refused(client);
		const { count } = await serviceClient().from('sessions').select('*', { count: 'exact', head: true }).eq('id', id);
		expect(count).toBe(0);
	});

	it('refuses tampered and malformed cookies without a 500', async () => {
		const client = await volunteer();
		const token = client.cookie(COOKIE)!;
		const [id, secret] = token.split('.');
		const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'a' ? 'b' : 'a') + s.slice(at + 1);
		const variants = [
			`${flip(id, 0)}.${secret}`, // another session's id
			`${id}.${flip(secret, secret.length - 1)}`, // one character of the secret changed
			`${id}.`,
			`.${secret}`,
			id,
			'',
			'a'.repeat(4000),
			`${id}.${secret}.${secret}`,
			"'; drop table public.sessions; --",
			'%00%ff%fe'
		];
		for (const value of variants) {
			const forger = new Client(app.url, '10.6.1.1');
			forger.setCookie(COOKIE, value);
			const res = await forger.get('/volunteer');
			expect(res.status, `cookie ${value.slice(0, 40)}`).toBe(303);
			expect(location(res)).toMatch(/^\/login/);
		}
		// the real cookie still works: refusing the forgeries did not end the session
		expect((await client.get('/volunteer')).status).toBe(200);
	});

	it('is HttpOnly and SameSite=Lax, and over https Secure and named __Host- with Path=/ and no Domain', async () => {
		const plain = new Client(app.url, '10.6.2.1');
		const res = await plain.login('frivillig02@example.no');
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);

		const token = await httpsLogin();
		const over = token.header;
		expect(over).toMatch(/;\s*Secure/i);
		expect(over).toMatch(/HttpOnly/i);
		expect(over).toMatch(/;\s*Path=\/(;|$)/i);
		expect(over).not.toMatch(/Domain=/i);
	});

	it('reads over https only the __Host- cookie, and on plain-http localhost only the plain one', async () => {
		const { value } = await httpsLogin();
		const asks = (name: string) =>
			fetch(`${https.url}/volunteer`, { headers: { cookie: `${name}=${value}`, accept: 'text/html' }, redirect: 'manual' });
		expect((await asks(HOST_COOKIE)).status).toBe(200);
		const wrongName = await asks(COOKIE);
		expect(wrongName.status).toBe(303);
		expect(location(wrongName)).toMatch(/^\/login/);

		const plain = new Client(app.url, '10.6.2.2');
		await plain.login('frivillig02@example.no');
		const other = new Client(app.url, '10.6.2.2');
		other.setCookie(HOST_COOKIE, plain.cookie(COOKIE)!);
		await refused(other);
	});
});

async function httpsLogin(): Promise<{ header: string; value: string }> {
	const res = await fetch(`${https.url}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email: 'frivillig02@example.no', password: 'busett-demo-2026' }),
		headers: { origin: 'https://busett.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		redirect: 'manual'
	});
	expect(res.status).toBe(303);
	const header = res.headers.getSetCookie().find((c) => c.startsWith(`${HOST_COOKIE}=`));
	expect(header).toBeDefined();
	return { header: header!, value: header!.split(';')[0].slice(HOST_COOKIE.length + 1) };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** a logged-in client on `on`, and its session made `age` old and last used `idle` ago */
async function aged(on: RunningApp, email: string, age: number, idle: number): Promise<{ client: Client; id: string }> {
	const client = new Client(on.url, `10.6.3.${++ip}`);
	expect((await client.login(email)).status).toBe(303);
	const [id] = client.cookie(COOKIE)!.split('.');
	const { error } = await serviceClient()
		.from('sessions')
		.update({ created_at: new Date(Date.now() - age).toISOString(), last_verified_at: new Date(Date.now() - idle).toISOString() })
		.eq('id', id);
	expect(error).toBeNull();
	return { client, id };
}

const STAFF = 'sakshandsamar@fjordvik.kommune.no';

describe('session lifetimes', () => {
	it('ends a staff session after an hour without use', async () => {
		const { client, id } = await aged(app, STAFF, 61 * MIN, 61 * MIN);
		await refused(client);
		const { count } = await serviceClient().from('sessions').select('*', { count: 'exact', head: true }).eq('id', id);
		expect(count).toBe(0);
	});

	it('ends a staff session 12 hours after logging in, however busy', async () => {
		const { client } = await aged(app, STAFF, 12 * HOUR + MIN, MIN);
		await refused(client);
		const { client: younger } = await aged(app, STAFF, 11 * HOUR, MIN);
		expect((await younger.get('/staff')).status).toBe(200);
	});

	it('writes down a staff session’s use every few minutes, so working keeps it alive', async () => {
		const { client, id } = await aged(app, STAFF, 2 * HOUR, 6 * MIN);
		expect((await client.get('/staff')).status).toBe(200);
		const { data } = await serviceClient().from('sessions').select('last_verified_at, expires_at').eq('id', id).single();
		expect(Date.now() - new Date(data!.last_verified_at).getTime()).toBeLessThan(MIN);
		expect(new Date(data!.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(HOUR);
	});

	it('keeps a volunteer’s session through an idle hour, and ends it 90 days after logging in', async () => {
		const { client } = await aged(app, 'frivillig03@example.no', 2 * HOUR, 61 * MIN);
		expect((await client.get('/volunteer')).status).toBe(200);
		const { client: old } = await aged(app, 'frivillig03@example.no', 90 * DAY + MIN, MIN);
		await refused(old);
	});

	it('follows SESSION_STAFF_IDLE_MINUTES', async () => {
		const { client } = await aged(strict, STAFF, 11 * MIN, 11 * MIN);
		const res = await client.get('/staff');
		expect(res.status).toBe(303);
		expect(location(res)).toMatch(/^\/login/);
		const { client: sameOnDefault } = await aged(app, STAFF, 11 * MIN, 11 * MIN);
		expect((await sameOnDefault.get('/staff')).status).toBe(200);
	});
});
