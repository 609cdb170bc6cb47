// The roles of DESIGN.md. A person may hold several (landlord and volunteer at once);
// an admin is also staff.
export const ROLES = ['landlord', 'volunteer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** where each role starts after logging in, most powerful first */
export function homeFor(roles: readonly Role[]): string {
	if (roles.includes('admin') || roles.includes('staff')) return '/staff';
	if (roles.includes('landlord')) return '/landlord';
	if (roles.includes('volunteer')) return '/volunteer';
	return '/account';
}
