import { describe, expect, it } from 'vitest';
import { expiresAt, sessionState } from './expiry';

const now = new Date('2026-11-26T12:00:00Z');
const ago = (ms: number) => ({ lastVerifiedAt: new Date(now.getTime() - ms) });
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('sessionState', () => {
	it('leaves a session used within the hour as it is', () => {
		expect(sessionState(ago(59 * MIN), now)).toBe('valid');
	});

	it('renews a session at most once an hour', () => {
		expect(sessionState(ago(60 * MIN), now)).toBe('renew');
		expect(sessionState(ago(29 * DAY), now)).toBe('renew');
	});

	it('ends a session after 30 days without use', () => {
		expect(sessionState(ago(30 * DAY), now)).toBe('expired');
	});

	it('puts the expiry 30 days after the last use', () => {
		expect(expiresAt(now).toISOString()).toBe('2026-12-26T12:00:00.000Z');
	});
});
