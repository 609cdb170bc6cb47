import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import * as notifications from '$lib/server/db/notifications';
import { refuse, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const [counts, failed] = await Promise.all([notifications.counts(), notifications.failed()]);
	return {
		counts,
		failed: failed.map((n) => ({
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
