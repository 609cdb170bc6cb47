import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireVerified, userOf } from '$lib/server/auth/authorize';
import * as dwellings from '$lib/server/db/dwellings';
import { draftSchema } from '$lib/schemas/dwelling';
import { phoneNeeded, saveDraft, submitOffer } from '$lib/server/offer-form';
import { formFrom, refuse } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import * as photoActions from '$lib/server/photo-actions';
import * as photos from '$lib/server/db/photos';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// the landlord's own dwelling, or 404 — also for someone else's id
async function own(event: RequestEvent | Parameters<PageServerLoad>[0], userId: string) {
	const dwelling = await dwellings.getForLandlord(event.params.id, userId);
	if (!dwelling) error(404);
	return dwelling;
}

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	const dwelling = await own(event, user.id);
	return {
		dwelling,
		// the edit form filled from the stored offer
		form: await formFrom(draftSchema, dwelling, 'offer'),
		verified: user.emailVerified,
		phoneNeeded: await phoneNeeded(user.id),
		notice: (['saved', 'submitted', 'withdrawn'] as const).find((n) => event.url.searchParams.has(n)) ?? null,
		photos: dwelling.dwelling_photos,
		maxPhotos: photos.MAX_PHOTOS,
		photoNotice: photoActions.photoNotice(event.url)
	};
};

const target = (event: RequestEvent, landlordId: string) => ({
	owner: { landlordId },
	id: event.params.id,
	back: (id: string) => `/landlord/dwellings/${id}`
});

async function change(event: RequestEvent, to: (id: string) => Promise<void>, notice: string) {
	const user = userOf(event);
	const dwelling = await own(event, user.id);
	try {
		await to(event.params.id);
	} catch (e) {
		if (e instanceof dwellings.PhoneMissingError) return refuse(await formFrom(draftSchema, dwelling, 'offer'), m.dw_phone_missing());
		if (e instanceof dwellings.TransitionError) return refuse(await formFrom(draftSchema, dwelling, 'offer'), m.dw_transition_refused());
		throw e;
	}
	nudge();
	redirect(303, `/landlord/dwellings/${event.params.id}?${notice}`);
}

// the dwelling whose photos the landlord changes: their own, or 404
async function photoTarget(event: RequestEvent) {
	const user = userOf(event);
	const dwelling = await own(event, user.id);
	return { set: { dwellingId: dwelling.id, byStaff: false }, by: user.id, back: `/landlord/dwellings/${dwelling.id}` };
}

export const actions: Actions = {
	save: async (event) => {
		const user = userOf(event);
		const dwelling = await own(event, user.id);
		return saveDraft(target(event, user.id), event.request, dwelling.status !== 'draft');
	},
	submit: async (event) => {
		const user = userOf(event);
		requireVerified(user);
		await own(event, user.id);
		return submitOffer(target(event, user.id), event.request);
	},
	withdraw: (event) => change(event, dwellings.withdraw, 'withdrawn'),
	// the offer's photos (issue 20): the landlord's own dwelling only
	photo_add: async (event) => photoActions.addPhotos(event.request, await photoTarget(event)),
	photo_caption: async (event) => photoActions.caption(event.request, await photoTarget(event)),
	photo_up: async (event) => photoActions.move(event.request, await photoTarget(event), true),
	photo_down: async (event) => photoActions.move(event.request, await photoTarget(event), false),
	photo_remove: async (event) => photoActions.remove(event.request, await photoTarget(event)),
	reoffer: (event) => {
		requireVerified(userOf(event));
		return change(event, dwellings.submit, 'submitted');
	}
};
