import { requireVerified, userOf } from '$lib/server/auth/authorize';
import { phoneNeeded, saveDraft, submitOffer } from '$lib/server/offer-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	return { verified: user.emailVerified, phoneNeeded: await phoneNeeded(user.id) };
};

const target = (landlordId: string) => ({ owner: { landlordId }, id: null, back: (id: string) => `/landlord/dwellings/${id}` });

export const actions: Actions = {
	save: async (event) => saveDraft(target(userOf(event).id), event.request),
	submit: async (event) => {
		const user = userOf(event);
		requireVerified(user);
		return submitOffer(target(user.id), event.request);
	}
};
