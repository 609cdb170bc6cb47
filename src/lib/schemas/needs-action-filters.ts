import { z } from 'zod';
import { NEEDS_ACTION_KINDS } from './choices';
import { listState, optional } from './list';

// staff's "needs action": oldest first, paged, one kind or all, everyone's or only the
// households this caseworker has (?mine=1); from the URL
export const needsActionFiltersSchema = listState(
	['since'],
	{ sort: 'since', dir: 'asc', size: 50 },
	{
		kind: optional(z.enum(NEEDS_ACTION_KINDS)),
		mine: z.preprocess((v) => v === '1', z.boolean()).catch(false)
	}
);
