// What pages ask the policy table before they show a form or a link (can, leadsSomewhere):
// the same answers the server hook gives, so a page never offers what the server refuses.
import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/roles';
import { can, leadsSomewhere } from './policy';

const as = (...roles: Role[]) => ({ roles });
const landlord = as('landlord');
const volunteer = as('volunteer');
const staff = as('staff');
const admin = as('admin', 'staff');

describe('can', () => {
	it('offers deleting an account and downloading its data to landlords and volunteers only', () => {
		for (const person of [landlord, volunteer]) {
			expect(can(person, '/account', { action: 'delete' })).toBe(true);
			expect(can(person, '/account/data.json', { endpoint: 'GET' })).toBe(true);
		}
		for (const person of [staff, admin, null]) {
			expect(can(person, '/account', { action: 'delete' })).toBe(false);
			expect(can(person, '/account/data.json', { endpoint: 'GET' })).toBe(false);
		}
		expect(can(staff, '/account', { action: 'password' })).toBe(true);
	});

	it('counts an admin as staff, and keeps the admin pages to admins', () => {
		expect(can(admin, '/(staff)/staff')).toBe(true);
		expect(can(staff, '/(staff)/staff')).toBe(true);
		expect(can(admin, '/(staff)/staff/admin/users', { action: 'invite' })).toBe(true);
		expect(can(staff, '/(staff)/staff/admin/users')).toBe(false);
		expect(can(landlord, '/(staff)/staff')).toBe(false);
		expect(can(null, '/(staff)/staff')).toBe(false);
		expect(can(null, '/')).toBe(true);
	});

	it('answers no for what the table does not name', () => {
		// @ts-expect-error the account page has no such action: this does not compile
		expect(can(landlord, '/account', { action: 'delet' })).toBe(false);
		// @ts-expect-error /logout answers POST only
		expect(can(landlord, '/logout', { endpoint: 'GET' })).toBe(false);
		expect(can(landlord, '/forbidden')).toBe(false);
	});
});

describe('leadsSomewhere', () => {
	it('leads the anonymous to every page someone may open (by the login page), and nowhere else', () => {
		expect(leadsSomewhere(null, '/(staff)/staff')).toBe(true);
		expect(leadsSomewhere(null, '/(volunteer)/volunteer/tasks/[id=uuid]')).toBe(true);
		expect(leadsSomewhere(null, '/forbidden')).toBe(false);
	});

	it('leads a logged-in person only where they may go', () => {
		expect(leadsSomewhere(landlord, '/(landlord)/landlord')).toBe(true);
		expect(leadsSomewhere(landlord, '/(staff)/staff')).toBe(false);
		expect(leadsSomewhere(staff, '/(volunteer)/volunteer/tasks/[id=uuid]')).toBe(false);
	});
});
