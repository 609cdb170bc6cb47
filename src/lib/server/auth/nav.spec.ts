import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

const hrefs = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((i) => i.href);

describe('navFor', () => {
	it('gives staff their seven links and none of the admin’s, the landlord’s or the volunteer’s', () => {
		expect(hrefs({ roles: ['staff'] })).toEqual([
			'/staff',
			'/staff/households',
			'/staff/dwellings',
			'/staff/matching',
			'/staff/tasks',
			'/staff/volunteers',
			'/staff/reports'
		]);
	});

	it('gives the admin the staff links and users, settings and the audit log', () => {
		expect(hrefs({ roles: ['admin'] }).slice(-3)).toEqual(['/staff/admin/users', '/staff/admin/settings', '/staff/admin/audit']);
		expect(hrefs({ roles: ['admin'] })).toContain('/staff/households');
	});

	it('gives a landlord who also volunteers both areas, and no one logged out anything', () => {
		expect(hrefs({ roles: ['landlord', 'volunteer'] })).toEqual(['/landlord', '/landlord#proposals', '/volunteer', '/volunteer/profile']);
		expect(hrefs({ roles: ['landlord'] })).toEqual(['/landlord', '/landlord#proposals']);
		expect(navFor(null)).toEqual([]);
	});

	it('names each link in the current language and puts the count on "needs action" only', () => {
		const items = navFor({ roles: ['staff'] }, 4);
		expect(items[0]).toMatchObject({ href: '/staff', label: 'Treng handling', exact: true, count: 4 });
		expect(items.slice(1).every((i) => i.count === undefined && i.label.length > 0)).toBe(true);
	});
});
