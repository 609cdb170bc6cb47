import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { config } from '$lib/server/config';
import * as optOuts from '$lib/server/db/opt-outs';
import { refusal } from '$lib/server/form';
import { categoryName } from '$lib/server/mail/templates';
import { readUnsubscribeToken } from '$lib/server/mail/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone, without logging in: the signed token in the link is the permission.
export const load: PageServerLoad = (event) => {
	const optOut = readUnsubscribeToken(event.params.token, config().APP_SECRET);
	if (!optOut) return { valid: false as const };
	return { valid: true as const, email: optOut.email, category: categoryName(optOut.category, getLocale()) };
};

export const actions: Actions = {
	default: async (event) => {
		const optOut = readUnsubscribeToken(event.params.token, config().APP_SECRET);
		if (!optOut) return refusal(m.unsubscribe_invalid(), 400);
		await optOuts.add(optOut.email, optOut.category);
		return { done: true };
	}
};
