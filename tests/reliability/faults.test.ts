// Faults: PostgREST killed and started again, Postgres stopped and started again, while the
// app keeps running. Requests during the outage get the friendly 503 page (never a 500),
// and the app serves pages again by itself once the database side is back. (SMTP down for
// a whole run and back is in tests/integration/mail.test.ts: no mail lost, none twice.)
// This file starts a stack of its own, so the parts it kills belong to nobody else.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startStack, type Stack } from '../../scripts/stack/index.ts';
import { startPostgres, type Postgres } from '../../scripts/stack/postgres.ts';
import { startPostgrest, type Postgrest } from '../../scripts/stack/postgrest.ts';
import { startApp, type RunningApp } from '../helpers/app';
import { Client } from '../helpers/http';

let dir: string;
let stack: Stack;
let ports: { api: number; db: number; postgrest: number; smtp: number; mailbox: number };
let app: RunningApp;
let volunteer: Client;
let postgrest: Postgrest | undefined; // the one this file started again
let postgres: Postgres | undefined;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'busett-faults-'));
	chmodSync(dir, 0o755);
	const [api, db, pgrst, smtp, mailbox] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
	ports = { api, db, postgrest: pgrst, smtp, mailbox };
	stack = await startStack({ dataDir: dir, ports, fast: true, log: () => {} });
	app = await startApp({
		SUPABASE_URL: stack.env.SUPABASE_URL,
		SUPABASE_SERVICE_ROLE_KEY: stack.env.SUPABASE_SERVICE_ROLE_KEY,
		SMTP_URL: stack.env.SMTP_URL,
		APP_SECRET: stack.env.APP_SECRET,
		MAIL_WORKER: 'off'
	});
	volunteer = new Client(app.url);
	expect((await volunteer.login('frivillig@example.no')).status).toBe(303);
});

afterAll(async () => {
	await app?.stop();
	await postgrest?.stop();
	await postgres?.stop();
	await stack?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the app while the database side fails', () => {
	it('answers 503 with a page saying so while PostgREST is down, and serves again once it is back', async () => {
		expect((await volunteer.get('/volunteer')).status).toBe(200);

		stack.postgrest.process.kill('SIGKILL');
		await until('PostgREST gone', async () => stack.postgrest.process.exitCode !== null || stack.postgrest.process.signalCode !== null);
		for (const path of ['/volunteer', '/login']) {
			const res = await volunteer.get(path);
			if (path === '/login') {
				// a page that needs no data still works for someone not logged in
				expect((await new Client(app.url).get(path)).status).toBe(200);
				continue;
			}
			expect(res.status, path).toBe(503);
			expect(res.headers.get('retry-after')).toBe('30');
			const html = await res.text();
			expect(html).toContain('Tenesta er ikkje tilgjengeleg akkurat no');
			expect(html).not.toMatch(/at .*\.js:\d+/); // no stack trace
		}

		postgrest = await startPostgrest({ ...stack.postgrestOptions, port: ports.postgrest, log: () => {} });
		await until('the page again', async () => (await volunteer.get('/volunteer')).status === 200);
		const res = await volunteer.get('/volunteer');
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('</main>');
	});

	it('answers 503 while Postgres is down, and serves again once it has started again, without restarting the app', async () => {
		expect((await volunteer.get('/volunteer')).status).toBe(200);

		await stack.postgres.stop();
		const during = await volunteer.get('/volunteer');
		expect(during.status).toBe(503);
		expect(await during.text()).toContain('Tenesta er ikkje tilgjengeleg akkurat no');
		// a form post fails the same friendly way and stores nothing
		const post = await volunteer.post(`/volunteer/profile`, { phone: '12345678' });
		expect(post.status).toBe(503);

		postgres = await startPostgres({ dataDir: dir, port: ports.db, fast: true, log: () => {} });
		await until('the page again', async () => (await volunteer.get('/volunteer')).status === 200, 60000);
		// the session survived: the same person is still logged in
		expect(await (await volunteer.get('/volunteer')).text()).toContain('</main>');
	});
});
