import { saveDraft, submitOffer } from '$lib/server/offer-form';
import type { Actions } from './$types';

// the municipality's own dwelling: no landlord, reviewed like any other offer
const target = { owner: { landlordId: null }, id: null, back: (id: string) => `/staff/dwellings/${id}` };

export const actions: Actions = {
	save: async (event) => {
		return saveDraft(target, event.request);
	},
	submit: async (event) => {
		return submitOffer(target, event.request);
	}
};
