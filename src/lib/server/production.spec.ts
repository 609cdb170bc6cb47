import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { LOCAL_JWT_SECRET, productionProblem, signedWithLocalSecret, weakAppSecret } from './production';

function jwt(secret: string) {
	const b = (s: string) => Buffer.from(s).toString('base64url');
	const head = `${b('{"alg":"HS256","typ":"JWT"}')}.${b('{"role":"service_role","iss":"supabase"}')}`;
	return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const strong = randomBytes(32).toString('base64url');

describe('production secrets', () => {
	it('recognises a key signed with the local JWT secret, and not one signed with another', () => {
		expect(signedWithLocalSecret(jwt(LOCAL_JWT_SECRET))).toBe(true);
		expect(signedWithLocalSecret(jwt(randomBytes(32).toString('hex')))).toBe(false);
	});

	it('finds placeholders and plain strings weak, and random ones (base64 or hex) strong', () => {
		expect(weakAppSecret('x'.repeat(40))).toBe(true);
		expect(weakAppSecret('change-me-change-me-change-me-change-me')).toBe(true);
		expect(weakAppSecret(strong)).toBe(false);
		expect(weakAppSecret(randomBytes(32).toString('hex'))).toBe(false);
	});

	it('names the service-role key first, then the app secret', () => {
		expect(productionProblem({ SUPABASE_SERVICE_ROLE_KEY: jwt(LOCAL_JWT_SECRET), APP_SECRET: strong })).toMatch(
			/^SUPABASE_SERVICE_ROLE_KEY/
		);
		expect(productionProblem({ SUPABASE_SERVICE_ROLE_KEY: jwt(strong), APP_SECRET: 'a'.repeat(32) })).toMatch(/^APP_SECRET/);
		expect(productionProblem({ SUPABASE_SERVICE_ROLE_KEY: jwt(strong), APP_SECRET: strong })).toBeNull();
	});

	it('refuse the demo mailbox page (DEV_MAILBOX=1), and only when it is on', () => {
		const env = { SUPABASE_SERVICE_ROLE_KEY: jwt(strong), APP_SECRET: strong };
		expect(productionProblem({ ...env, DEV_MAILBOX: '1' })).toMatch(/^DEV_MAILBOX=1/);
		expect(productionProblem({ ...env, DEV_MAILBOX: '0' })).toBeNull();
	});

	it('are checked by parseConfig only when NODE_ENV is production', () => {
		const env = {
			SUPABASE_URL: 'https://abc.supabase.co',
			SUPABASE_SERVICE_ROLE_KEY: jwt(LOCAL_JWT_SECRET),
			SMTP_URL: 'smtp://127.0.0.1:25',
			ORIGIN: 'https://busett.example.org',
			APP_SECRET: strong
		};
		expect(parseConfig(env).SUPABASE_URL).toBe(env.SUPABASE_URL);
		expect(() => parseConfig({ ...env, NODE_ENV: 'production' })).toThrow(/SUPABASE_SERVICE_ROLE_KEY is a local development key/);
	});
});
