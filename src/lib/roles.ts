// The roles of docs/architecture.md and docs/security.md. A person may hold several (landlord and volunteer at once);
// an admin is also staff.
import { Constants } from '$lib/database.types';

export const ROLES = Constants.public.Enums.app_role;
export type Role = (typeof ROLES)[number];

/** where each role starts after logging in, most powerful first */
export function homeFor(roles: readonly Role[]): string {
	if (roles.includes('admin') || roles.includes('staff')) return '/staff';
	if (roles.includes('landlord')) return '/landlord';
	if (roles.includes('volunteer')) return '/volunteer';
	return '/account';
}
