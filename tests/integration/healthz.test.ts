import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startGateway, type Gateway } from '../../scripts/stack/gateway.ts';
import { startPostgrest, type Postgrest } from '../../scripts/stack/postgrest.ts';
import { runAppExpectingExit, startApp, type RunningApp } from '../helpers/app';
import { stackEnv } from '../helpers/env';

const appEnv = () => ({
	SUPABASE_URL: stackEnv().supabaseUrl,
	SUPABASE_SERVICE_ROLE_KEY: stackEnv().serviceRoleKey,
	SMTP_URL: stackEnv().smtpUrl,
	APP_SECRET: stackEnv().appSecret,
	// these tests are about health, not mail: no worker competing with the mail tests
	MAIL_WORKER: 'off'
});

describe('GET /healthz', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp(appEnv());
	});
	afterAll(() => app?.stop());

	it('answers 200 with db and mail ok when the stack is up', async () => {
		const res = await fetch(`${app.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ db: 'ok', mail: 'ok' });
	});
});

describe('GET /healthz with PostgREST stopped', () => {
	// a PostgREST and gateway of this test's own, so stopping them disturbs nobody
	let postgrest: Postgrest;
	let gateway: Gateway;
	let app: RunningApp;
	beforeAll(async () => {
		postgrest = await startPostgrest({
			dbUrl: stackEnv().postgrestDbUri,
			jwtSecret: stackEnv().postgrestJwtSecret,
			port: await freePort(),
			log: () => {}
		});
		gateway = await startGateway({ port: await freePort(), postgrestUrl: postgrest.url });
		app = await startApp({ ...appEnv(), SUPABASE_URL: gateway.url });
	});
	afterAll(async () => {
		await app?.stop();
		await gateway?.stop();
		await postgrest?.stop();
	});

	it('answers 503 with db down, and mail still ok', async () => {
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
		await postgrest.stop();
		const res = await fetch(`${app.url}/healthz`);
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ db: 'down', mail: 'ok' });
	});
});

describe('GET /healthz with the SMTP server unreachable', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp({ ...appEnv(), SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
	});
	afterAll(() => app?.stop());

	it('answers 503 with mail down, and db still ok', async () => {
		const res = await fetch(`${app.url}/healthz`);
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ db: 'ok', mail: 'down' });
	});
});

describe('server start-up configuration', () => {
	it('stops with one line naming a missing variable', async () => {
		const { code, output } = await runAppExpectingExit({ ...appEnv(), SUPABASE_SERVICE_ROLE_KEY: undefined });
		expect(code).toBe(1);
		expect(output.trim()).toBe('busett: configuration error: SUPABASE_SERVICE_ROLE_KEY is missing');
	});

	it('stops with one line naming a malformed variable', async () => {
		const { code, output } = await runAppExpectingExit({ ...appEnv(), SMTP_URL: 'mail.example.org' });
		expect(code).toBe(1);
		expect(output.trim()).toMatch(/^busett: configuration error: SMTP_URL is not valid: .+$/);
	});
});
