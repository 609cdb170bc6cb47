import { fail } from '@sveltejs/kit';
import { resetRequestSchema } from '$lib/schemas/reset';
import * as accounts from '$lib/server/auth/accounts';
import { readForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = readForm(resetRequestSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		// the same answer whether or not the address has an account
		await accounts.requestReset(form.data.email, event.getClientAddress());
		return { sent: true };
	}
};
