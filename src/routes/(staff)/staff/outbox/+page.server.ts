import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as notifications from '$lib/server/db/notifications';
import { readForm } from '$lib/server/forms';
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

export const actions: Actions = {
	retry: async (event) => {
		const form = readForm(z.object({ id: z.guid() }), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await notifications.retry(form.data.id);
		return { retried: form.data.id };
	}
};
