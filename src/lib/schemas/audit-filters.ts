import { z } from 'zod';
import { listState } from './list';

const ENTITIES = ['household', 'household_member', 'dwelling', 'volunteer_profile'] as const;
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

// the audit log's filters, from the URL: ids only, never a name or an address; newest first
// unless turned around
export const auditFiltersSchema = listState(
	['at'],
	{ sort: 'at', dir: 'desc' },
	{
		record: z.preprocess(blankIsUnset, z.guid().optional()).catch(undefined),
		actor: z.preprocess(blankIsUnset, z.guid().optional()).catch(undefined),
		entity: z.preprocess(blankIsUnset, z.enum(ENTITIES).optional()).catch(undefined)
	}
);
