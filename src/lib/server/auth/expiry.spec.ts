import { describe, expect, it } from 'vitest';
import { expiresAt, sessionPolicy, sessionState } from './expiry';

const now = new Date('2026-11-26T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const session = (idle: number, age = idle) => ({
	createdAt: new Date(now.getTime() - age),
	lastVerifiedAt: new Date(now.getTime() - idle)
});

const volunteer = sessionPolicy(['volunteer']);
const landlordAndVolunteer = sessionPolicy(['landlord', 'volunteer']);
const staff = sessionPolicy(['volunteer', 'staff']);
const admin = sessionPolicy(['admin']);

describe('sessionState for landlords and volunteers', () => {
	it('leaves a session used within the hour as it is, and renews it at most once an hour', () => {
		expect(sessionState(session(59 * MIN), volunteer, now)).toBe('valid');
		expect(sessionState(session(60 * MIN), volunteer, now)).toBe('renew');
		expect(sessionState(session(29 * DAY), landlordAndVolunteer, now)).toBe('renew');
	});

	it('ends a session after 30 days without use', () => {
		expect(sessionState(session(30 * DAY), volunteer, now)).toBe('expired');
	});

	it('ends a session 90 days after logging in, however busy', () => {
		expect(sessionState(session(MIN, 89 * DAY), volunteer, now)).toBe('valid');
		expect(sessionState(session(MIN, 90 * DAY), volunteer, now)).toBe('expired');
	});

	it('puts the expiry 30 days after the last use, but never past 90 days from the start', () => {
		expect(expiresAt(session(0), volunteer).toISOString()).toBe('2026-12-26T12:00:00.000Z');
		expect(expiresAt(session(0, 80 * DAY), volunteer).toISOString()).toBe(new Date(now.getTime() + 10 * DAY).toISOString());
	});
});

describe('sessionState for staff and admins', () => {
	it('ends a session after an hour without use', () => {
		expect(sessionState(session(59 * MIN), staff, now)).not.toBe('expired');
		expect(sessionState(session(60 * MIN), staff, now)).toBe('expired');
		expect(sessionState(session(60 * MIN), admin, now)).toBe('expired');
	});

	it('writes down the use every 5 minutes, so the idle hour is never longer than an hour', () => {
		expect(sessionState(session(4 * MIN), staff, now)).toBe('valid');
		expect(sessionState(session(5 * MIN), staff, now)).toBe('renew');
	});

	it('ends a session 12 hours after logging in, however busy', () => {
		expect(sessionState(session(MIN, 11 * HOUR + 59 * MIN), staff, now)).toBe('valid');
		expect(sessionState(session(MIN, 12 * HOUR), staff, now)).toBe('expired');
		expect(expiresAt(session(0, 11.5 * HOUR), staff).toISOString()).toBe(new Date(now.getTime() + 30 * MIN).toISOString());
	});

	it('follows the configured limits', () => {
		const short = sessionPolicy(['staff'], { idleMinutes: 15, maxHours: 8 });
		expect(sessionState(session(15 * MIN), short, now)).toBe('expired');
		expect(sessionState(session(MIN, 8 * HOUR), short, now)).toBe('expired');
		expect(short.renewAfterMs).toBeLessThanOrEqual((15 * MIN) / 12);
	});
});
