import { resetRequestSchema } from '$lib/schemas/reset';
import * as accounts from '$lib/server/auth/accounts';
import { invalid, validate } from '$lib/server/form';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await validate(resetRequestSchema, event.request);
		if (!form.valid) return invalid(form);
		// the same answer whether or not the address has an account
		await accounts.requestReset(form.data.email, event.getClientAddress());
		return { sent: true };
	}
};
