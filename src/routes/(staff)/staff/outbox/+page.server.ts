import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { queryOf } from '$lib/schemas/list';
import { outboxFiltersSchema } from '$lib/schemas/task-filters';
import * as notifications from '$lib/server/db/notifications';
import { refuse, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = outboxFiltersSchema.parse(queryOf(event.url));
	const [counts, page] = await Promise.all([notifications.counts(), notifications.list(filters)]);
	return {
		filters,
		counts,
		total: page.total,
		mails: page.rows.map((n) => ({
			id: n.id,
			recipient: n.recipient,
			template: n.template,
			error: n.last_error ?? '',
			createdAt: n.created_at
		}))
	};
};

const retrySchema = z.object({ id: z.guid() });

export const actions: Actions = {
	retry: async (event) => {
		const form = await validate(retrySchema, event.request);
		// a button's hidden field: only a crafted post gets it wrong
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		await notifications.retry(form.data.id);
		return { retried: form.data.id };
	}
};
