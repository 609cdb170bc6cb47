import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { config } from '$lib/server/config';
import * as optOuts from '$lib/server/db/opt-outs';
import { refusal } from '$lib/server/form';
import { categoryName } from '$lib/server/mail/templates';
import { readUnsubscribeToken } from '$lib/server/mail/unsubscribe';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Open to everyone, without logging in: the signed token in the link is the permission.
// Opening the page changes nothing (mail scanners open links); only its buttons do.
export const load: PageServerLoad = async (event) => {
	const optOut = readUnsubscribeToken(event.params.token, config().APP_SECRET);
	if (!optOut) return { valid: false as const };
	return {
		valid: true as const,
		email: optOut.email,
		category: categoryName(optOut.category, getLocale()),
		optedOut: (await optOuts.of(optOut.email)).includes(optOut.category)
	};
};

const withToken = async (event: RequestEvent, change: (email: string, category: string) => Promise<void>) => {
	const optOut = readUnsubscribeToken(event.params.token, config().APP_SECRET);
	if (!optOut) return false;
	await change(optOut.email, optOut.category);
	return true;
};

export const actions: Actions = {
	unsubscribe: async (event) =>
		(await withToken(event, optOuts.add)) ? { done: 'unsubscribe' as const } : refusal(m.unsubscribe_invalid(), 400),
	// "subscribe again", offered once unsubscribed: the same link undoes it
	resubscribe: async (event) =>
		(await withToken(event, optOuts.remove)) ? { done: 'resubscribe' as const } : refusal(m.unsubscribe_invalid(), 400)
};
