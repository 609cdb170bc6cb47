import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

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
