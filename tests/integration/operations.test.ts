// Running it for real: JSON request logs without secrets, request ids on error pages,
// refusing local secrets in production, and a graceful shutdown on SIGTERM.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey } from '../../scripts/stack/jwt.ts';
import * as notifications from '../../src/lib/server/db/notifications';
import { appEnv, runAppExpectingExit, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { Client, location } from '../helpers/http';
import { address, until } from '../helpers/mail';

const strongSecret = () => randomBytes(32).toString('base64url');
const lines = (output: string) =>
	output
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('in production (NODE_ENV=production)', () => {
	it('refuses to start with the local stack’s service-role key', async () => {
		const { code, output } = await runAppExpectingExit({
			...appEnv(),
			NODE_ENV: 'production',
			APP_SECRET: strongSecret(),
			ORIGIN: 'https://busett.example.org',
			PORT: '0'
		});
		expect(code).toBe(1);
		expect(output.trim()).toMatch(/^busett: configuration error: SUPABASE_SERVICE_ROLE_KEY is a local development key/);
	});

	it('refuses to start with a placeholder APP_SECRET', async () => {
		const key = apiKey('service_role', strongSecret());
		const { code, output } = await runAppExpectingExit({
			...appEnv(),
			NODE_ENV: 'production',
			SUPABASE_SERVICE_ROLE_KEY: key,
			APP_SECRET: 'change-me-change-me-change-me-change-me',
			ORIGIN: 'https://busett.example.org',
			PORT: '0'
		});
		expect(code).toBe(1);
		expect(output.trim()).toMatch(/^busett: configuration error: APP_SECRET is a placeholder or not random/);
	});

	it('refuses to start with the demo mailbox page on (DEV_MAILBOX=1)', async () => {
		const { code, output } = await runAppExpectingExit({
			...appEnv(),
			NODE_ENV: 'production',
			SUPABASE_SERVICE_ROLE_KEY: apiKey('service_role', strongSecret()),
			APP_SECRET: strongSecret(),
			DEV_MAILBOX: '1',
			ORIGIN: 'https://busett.example.org',
			PORT: '0'
		});
		expect(code).toBe(1);
		expect(output.trim()).toMatch(/^busett: configuration error: DEV_MAILBOX=1 shows every mail/);
	});
});

describe('logs and error pages', () => {
	// production mode with keys of its own: it starts, but PostgREST refuses the key, so
	// a login fails unexpectedly: the error path, without faking anything
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp(
			appEnv({
				NODE_ENV: 'production',
				SUPABASE_SERVICE_ROLE_KEY: apiKey('service_role', strongSecret()),
				APP_SECRET: strongSecret(),
				MAIL_WORKER: 'off'
			})
		);
	});
	afterAll(() => app?.stop());

	it('writes one JSON line per request with method, route, status, duration and id, and no query string', async () => {
		const res = await fetch(`${app.url}/login?token=hemmeleg-token-123`, { headers: { 'x-request-id': 'lb-req-12345678' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('x-request-id')).toBe('lb-req-12345678');
		const line = await until('the log line', () => lines(app.output()).find((l) => l.requestId === 'lb-req-12345678'));
		expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/login', status: 200 });
		expect(typeof line.ms).toBe('number');
		expect(app.output()).not.toContain('hemmeleg-token-123');
	});

	it('logs an unexpected error with the request id the error page shows, and never the password or address', async () => {
		const client = new Client(app.url);
		const res = await client.post('/login', { email: 'loggtest@example.no', password: 'eit-hemmeleg-passord-9' });
		expect(res.status).toBe(500);
		const id = res.headers.get('x-request-id')!;
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect(await res.text()).toContain(id);
		const error = await until('the error line', () => lines(app.output()).find((l) => l.requestId === id && l.level === 'error'));
		expect(error).toMatchObject({ msg: 'unexpected error', route: '/login', status: 500 });
		const request = await until('the request line', () => lines(app.output()).find((l) => l.requestId === id && l.msg === 'request'));
		expect(request).toMatchObject({ method: 'POST', route: '/login', status: 500 });
		expect(app.output()).not.toContain('eit-hemmeleg-passord-9');
		expect(app.output()).not.toContain('loggtest@example.no');
	});
});

describe('graceful shutdown on SIGTERM', () => {
	it('refuses new connections, finishes the request in flight, hands back claimed mail and exits 0 within 10 s', async () => {
		// an SMTP server that accepts connections and never answers: a delivery hangs
		const sockets: net.Socket[] = [];
		const stall = net.createServer((s) => sockets.push(s));
		await new Promise<void>((r) => stall.listen(0, '127.0.0.1', r));
		const smtpPort = (stall.address() as net.AddressInfo).port;
		const app = await startApp(appEnv({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }));
		const port = Number(new URL(app.url).port);
		const db = new pg.Client({ connectionString: stackEnv().databaseUrl });
		await db.connect();
		try {
			const to = address('shutdown');
			const id = (await notifications.enqueue({
				to,
				template: 'verify_email',
				locale: 'nn',
				payload: { name: 'Kari', token: 'abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr' },
				key: `shutdown:${to}`
			}))!;
			await until('the mail claimed', async () => {
				const { data } = await serviceClient().from('notifications').select('status').eq('id', id).single();
				return data?.status === 'sending' || undefined;
			});

			// a slow request: the login waits for a lock this test holds
			await db.query('begin');
			await db.query('lock table public.rate_limit_events in access exclusive mode');
			const inFlight = new Client(app.url).login('frivillig@example.no');
			await new Promise((r) => setTimeout(r, 300));

			const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
				const t0 = Date.now();
				app.process.once('exit', (code) => resolve({ code, ms: Date.now() - t0 }));
			});
			app.process.kill('SIGTERM');
			await new Promise((r) => setTimeout(r, 300));
			const refused = await new Promise<string>((resolve) => {
				const s = net.connect(port, '127.0.0.1');
				s.once('connect', () => (s.destroy(), resolve('connected')));
				s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
			});
			expect(refused).toBe('ECONNREFUSED');

			await db.query('commit');
			expect(location(await inFlight)).toBe('/volunteer');
			const { code, ms } = await exited;
			expect(code, app.output()).toBe(0);
			expect(ms).toBeLessThan(10_000);
			const { data } = await serviceClient().from('notifications').select('status, locked_by').eq('id', id).single();
			expect(data).toEqual({ status: 'queued', locked_by: null });
		} finally {
			await db.query('rollback').catch(() => {});
			await db.end();
			await app.stop();
			for (const s of sockets) s.destroy();
			stall.close();
		}
	});
});
