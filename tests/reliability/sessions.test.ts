// Sessions under attack: expired, forged, tampered and malformed session cookies are
// refused (the person is sent to log in, never shown a page or a 500), and the cookie is
// HttpOnly, SameSite=Lax and Secure when the site is served over https. (A forged secret
// on a real session id: tests/integration/accounts.test.ts; the anon key reading 0 rows
// from every table: tests/integration/stack.test.ts; the CSP: accounts.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';

const COOKIE = 'busett_session';
let app: RunningApp;
let https: RunningApp;
beforeAll(async () => {
	[app, https] = await Promise.all([
		startApp(appEnv({ MAIL_WORKER: 'off', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' })),
		// as behind a TLS-terminating proxy: the public address is https
		startApp(appEnv({ MAIL_WORKER: 'off', ORIGIN: 'https://busett.example' }))
	]);
});
afterAll(async () => {
	await app?.stop();
	await https?.stop();
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

	it('is HttpOnly and SameSite=Lax, and Secure when the site is https', async () => {
		const plain = new Client(app.url, '10.6.2.1');
		const res = await plain.login('frivillig02@example.no');
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);

		const secure = await fetch(`${https.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'frivillig02@example.no', password: 'busett-demo-2026' }),
			headers: { origin: 'https://busett.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			redirect: 'manual'
		});
		expect(secure.status).toBe(303);
		const over = secure.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!;
		expect(over).toMatch(/;\s*Secure/i);
		expect(over).toMatch(/HttpOnly/i);
	});
});
