import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password policy', () => {
	it('wants at least 10 characters', () => {
		expect(passwordProblem('kort-ord9')).toBe('too_short');
		expect(passwordProblem('fjordvik-haust')).toBeNull();
	});

	it('refuses the passwords everybody tries first, in any case', () => {
		expect(passwordProblem('1234567890')).toBe('too_common');
		expect(passwordProblem('PassWord123')).toBe('too_common');
		expect(passwordProblem('Velkommen123')).toBe('too_common');
	});

	it('accepts long passphrases: no maximum below 64', () => {
		expect(passwordProblem('a'.repeat(64) + ' lang nok setning')).toBeNull();
		expect(passwordProblem('a'.repeat(257))).toBe('too_long');
	});
});

describe('password hashing', () => {
	it('uses argon2id and verifies only the right password', async () => {
		const stored = await hashPassword('fjordvik-haust');
		expect(stored.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(stored, 'fjordvik-haust')).toBe(true);
		expect(await verifyPassword(stored, 'fjordvik-haust!')).toBe(false);
		expect(await verifyPassword(null, 'fjordvik-haust')).toBe(false);
		expect(await verifyPassword('not a hash', 'fjordvik-haust')).toBe(false);
	});
});
