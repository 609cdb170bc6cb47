import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { listState, optional } from './list';

const STATUSES = Constants.public.Enums.dwelling_status;

// the staff map's state in the URL: one status (none: every live offer) and the table's page;
// the map's layers read the same status, or the dwellings a household's page names (its
// suggestions: ids, comma-separated, at most 20; anything else in the list is ignored)
export const mapFiltersSchema = listState(
	['locality'],
	{ sort: 'locality', dir: 'asc' },
	{
		status: optional(z.enum(STATUSES)),
		dwellings: optional(
			z.string().transform((ids) =>
				ids
					.split(',')
					.filter((id) => z.guid().safeParse(id).success)
					.slice(0, 20)
			)
		)
	}
);
