import { auditFiltersSchema } from '$lib/schemas/audit-filters';
import { queryOf } from '$lib/schemas/list';
import * as audit from '$lib/server/db/audit';
import * as users from '$lib/server/db/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = auditFiltersSchema.parse(queryOf(event.url));
	const [log, staff] = await Promise.all([audit.list(filters), users.staff()]);
	return {
		filters,
		rows: log.rows,
		total: log.total,
		staff: staff.map((s) => ({ id: s.id, name: s.displayName }))
	};
};
