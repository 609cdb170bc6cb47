import { describe, expect, it } from 'vitest';
import { fromBytea, hashSecret, newToken, parseToken, randomString, secretMatches, toBytea } from './tokens';

describe('tokens', () => {
	it('carry at least 120 random bits in the id and in the secret', () => {
		const seen = new Set(Array.from({ length: 1000 }, randomString));
		expect(seen.size).toBe(1000);
		for (const s of seen) expect(s).toMatch(/^[a-km-z2-9]{24}$/);
		// 24 characters of a 32-letter alphabet: 24 × 5 = 120 bits
		expect(24 * Math.log2(32)).toBe(120);
	});

	it('are parsed back into id and secret, and refused when malformed', () => {
		const token = newToken();
		expect(parseToken(token.token)).toEqual({ id: token.id, secret: token.secret });
		for (const bad of ['', token.id, `${token.id}.`, `${token.id}.${token.secret}.x`, `${token.id}.${token.secret.slice(1)}0`])
			expect(parseToken(bad)).toBeNull();
	});

	it('store only the SHA-256 of the secret, and match only that secret', () => {
		const token = newToken();
		expect(token.secretHash).toHaveLength(32);
		expect(Buffer.from(token.secretHash).toString('hex')).not.toContain(Buffer.from(token.secret).toString('hex'));
		expect(secretMatches(token.secret, token.secretHash)).toBe(true);
		expect(secretMatches(randomString(), token.secretHash)).toBe(false);
	});

	it('travel through bytea unchanged', () => {
		const hash = hashSecret('x');
		expect(fromBytea(toBytea(hash))).toEqual(hash);
	});
});
