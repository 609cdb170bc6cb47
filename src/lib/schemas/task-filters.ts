import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { listState, optional } from './list';

const TYPES = Constants.public.Enums.task_type;

// staff's list of tasks: by type, status, place and time (from a week ago by default, or
// every task), sorted by start, title or place; from the URL
export const staffTaskFiltersSchema = listState(
	['starts_at', 'title', 'locality'],
	{ sort: 'starts_at', dir: 'asc' },
	{
		type: optional(z.enum(TYPES)),
		status: optional(z.enum(Constants.public.Enums.task_status)),
		locality: optional(z.string().max(100)),
		when: z.enum(['upcoming', 'all']).catch('upcoming')
	}
);

// the volunteer's list of open tasks: soonest first, by place, type and whether it fits them
export const volunteerTaskFiltersSchema = listState(
	['starts_at'],
	{ sort: 'starts_at', dir: 'asc', size: 25 },
	{
		type: optional(z.enum(TYPES)),
		locality: optional(z.string().max(100)),
		fits: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).catch(false)
	}
);

// the outbox: the mails of one status (those given up on by default), newest first
export const outboxFiltersSchema = listState(
	['created_at'],
	{ sort: 'created_at', dir: 'desc' },
	{
		status: z.enum(Constants.public.Enums.notification_status).catch('failed'),
		template: optional(z.string().max(100))
	}
);
