import { authorizeAction, authorizeLoad } from '$lib/server/auth/authorize';
import { saveDraft, submitOffer } from '$lib/server/dwellings/offer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorizeLoad(event);
	return {};
};

// the municipality's own dwelling: no landlord, reviewed like any other offer
const target = { owner: { landlordId: null }, id: null, back: (id: string) => `/staff/dwellings/${id}` };

export const actions: Actions = {
	save: async (event) => {
		authorizeAction(event, 'save');
		return saveDraft(target, event.request);
	},
	submit: async (event) => {
		authorizeAction(event, 'submit');
		return submitOffer(target, event.request);
	}
};
