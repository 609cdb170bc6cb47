// Tokens as the Lucia guide makes them: an id and a secret, each 24 characters from a
// 32-letter alphabet (120 random bits), joined by a dot. Only the SHA-256 hash of the
// secret is stored; a presented secret is compared with it in constant time.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const byte of bytes) out += ALPHABET[byte >> 3];
	return out;
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export type NewToken = { id: string; secret: string; token: string; secretHash: Uint8Array };

export function newToken(): NewToken {
	const id = randomString();
	const secret = randomString();
	return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function parseToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts;
	const valid = (s: string) => s.length === 24 && [...s].every((c) => ALPHABET.includes(c));
	return valid(id) && valid(secret) ? { id, secret } : null;
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}

// bytea travels through PostgREST as "\x" + hex
export const toBytea = (bytes: Uint8Array) => `\\x${Buffer.from(bytes).toString('hex')}`;
export const fromBytea = (value: string) => new Uint8Array(Buffer.from(value.replace(/^\\x/, ''), 'hex'));
