import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe';

const secret = 'a'.repeat(32);

describe('unsubscribe tokens', () => {
	it('carry the address and category they were made for', () => {
		const token = unsubscribeToken({ email: 'Kari@Example.no', category: 'reminders' }, secret);
		expect(readUnsubscribeToken(token, secret)).toEqual({ email: 'kari@example.no', category: 'reminders' });
	});

	it('are refused when signed with another secret', () => {
		const token = unsubscribeToken({ email: 'kari@example.no', category: 'reminders' }, 'b'.repeat(32));
		expect(readUnsubscribeToken(token, secret)).toBeNull();
	});

	it('are refused when the address is changed', () => {
		const token = unsubscribeToken({ email: 'kari@example.no', category: 'reminders' }, secret);
		const forged = unsubscribeToken({ email: 'ola@example.no', category: 'reminders' }, 'x'.repeat(32));
		const mixed = `${forged.split('.')[0]}.${token.split('.')[1]}`;
		expect(readUnsubscribeToken(mixed, secret)).toBeNull();
	});

	it('are refused when malformed', () => {
		for (const bad of ['', 'abc', 'a.b.c', '.', 'e30.']) expect(readUnsubscribeToken(bad, secret)).toBeNull();
	});
});
