import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const valid = {
	SUPABASE_URL: 'http://127.0.0.1:54321',
	SUPABASE_SERVICE_ROLE_KEY: 'aaa.bbb.ccc',
	SMTP_URL: 'smtp://user:pass@127.0.0.1:54325',
	ORIGIN: 'http://localhost:5173',
	APP_SECRET: 'x'.repeat(32)
};

describe('parseConfig', () => {
	it('accepts a complete configuration and fills in defaults', () => {
		const config = parseConfig(valid);
		expect(config.SUPABASE_URL).toBe(valid.SUPABASE_URL);
		expect(config.MAIL_FROM).toContain('@');
	});

	it('names a missing variable', () => {
		expect(() => parseConfig({ ...valid, SMTP_URL: undefined })).toThrow(new ConfigError('SMTP_URL is missing'));
	});

	it('names a malformed variable and says what was expected', () => {
		expect(() => parseConfig({ ...valid, SUPABASE_URL: 'not a url' })).toThrow(/^SUPABASE_URL is not valid: expected an http\(s\) URL$/);
	});

	it('refuses a short secret', () => {
		expect(() => parseConfig({ ...valid, APP_SECRET: 'short' })).toThrow(/APP_SECRET is not valid: expected at least 32 characters/);
	});

	it('refuses a service-role key that is not a JWT', () => {
		expect(() => parseConfig({ ...valid, SUPABASE_SERVICE_ROLE_KEY: 'secret' })).toThrow(/SUPABASE_SERVICE_ROLE_KEY is not valid/);
	});

	it('reads the staff session limits, with defaults of 1 hour idle and 12 hours in all', () => {
		expect(parseConfig(valid)).toMatchObject({ SESSION_STAFF_IDLE_MINUTES: 60, SESSION_STAFF_MAX_HOURS: 12 });
		expect(parseConfig({ ...valid, SESSION_STAFF_IDLE_MINUTES: '20', SESSION_STAFF_MAX_HOURS: '8' })).toMatchObject({
			SESSION_STAFF_IDLE_MINUTES: 20,
			SESSION_STAFF_MAX_HOURS: 8
		});
		expect(() => parseConfig({ ...valid, SESSION_STAFF_MAX_HOURS: '48' })).toThrow(
			/SESSION_STAFF_MAX_HOURS is not valid: expected 1 to 24 hours/
		);
		expect(() => parseConfig({ ...valid, SESSION_STAFF_IDLE_MINUTES: 'lenge' })).toThrow(/SESSION_STAFF_IDLE_MINUTES is not valid/);
	});
});
