import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { changesSinceApproval } from '$lib/dwelling-terms';
import { overRentCap } from '$lib/rent-cap';
import { draftSchema } from '$lib/schemas/dwelling';
import { findingsOf, inspectionSchema } from '$lib/schemas/inspection';
import { placeSchema } from '$lib/schemas/place';
import { reviewSchema } from '$lib/schemas/review';
import { todayInOslo } from '$lib/dates';
import { userOf } from '$lib/server/auth/authorize';
import * as dwellings from '$lib/server/db/dwellings';
import * as inspections from '$lib/server/db/inspections';
import * as photos from '$lib/server/db/photos';
import * as photoActions from '$lib/server/photo-actions';
import * as matching from '$lib/server/db/matching';
import { householdsFor } from '$lib/server/matching';
import { saveDraft, submitOffer } from '$lib/server/offer-form';
import { formFrom, invalid, refuse, refuseField, validate } from '$lib/server/form';
import { nudge } from '$lib/server/mail';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const staff = userOf(event);
	// the dwelling, the rent caps and districts, and the read written to the audit log
	const page = await dwellings.readForStaff(event.params.id, staff.id);
	if (!page) error(404);
	const { dwelling, landlord, place, caps, districts: districtOptions, inspections: visits, approvalNeedsInspection } = page;
	const both = await photos.list(dwelling.id);
	return {
		candidates: dwelling.status === 'approved' ? await candidatesFor(dwelling.id) : [],
		// the landlord's photos, to judge the dwelling by at review; the municipality's own,
		// which staff change (and which the landlord does not see)
		photos: both.filter((p) => !p.by_staff),
		staffPhotos: both.filter((p) => p.by_staff),
		maxPhotos: photos.MAX_PHOTOS,
		photoNotice: photoActions.photoNotice(event.url),
		dwelling,
		// who to call to book the inspection; null for the municipality's own dwelling
		landlord,
		// where it is: the register's address, its point, the boundary's district, the bus access
		place,
		placeForm: await formFrom(placeSchema, { lat: place.lat ?? undefined, lon: place.lon ?? undefined }, 'place'),
		// the municipality's own offer as its edit form, and the review form with what is stored
		offer: await formFrom(draftSchema, dwelling, 'offer'),
		review: await formFrom(
			reviewSchema,
			{
				district: dwelling.district_id ?? undefined,
				inspection_date: dwelling.inspection_date ?? undefined,
				district_reason: dwelling.district_reason ?? '',
				staff_note: dwelling.staff_note ?? ''
			},
			'review'
		),
		// the municipality's visits, newest first, and the form for the next (dated today)
		inspections: visits,
		approvalNeedsInspection,
		inspection: await formFrom(inspectionSchema, { inspected_on: todayInOslo() }, 'inspection'),
		// what the landlord (or staff) changed after the last approval, for this review
		changes: changesSinceApproval(dwelling),
		districts: districtOptions,
		overCap: overRentCap(dwelling.rent_nok, dwelling.max_occupants, caps),
		reviewed: event.url.searchParams.has('reviewed'),
		notice: (['saved', 'submitted', 'placed', 'inspected', 'sent_back'] as const).find((n) => event.url.searchParams.has(n)) ?? null
	};
};

// for an approved dwelling: the waiting households it suits best, with the engine's reasons
async function candidatesFor(id: string) {
	const { ctx, households: waiting, dwellings: free, references } = await matching.data();
	const input = free.find((d) => d.id === id);
	if (!input) return [];
	return householdsFor(input, waiting, ctx)
		.slice(0, 10)
		.map((c) => ({ id: c.household.id, reference: references.get(c.household.id) ?? '', total: c.total, reasons: c.reasons }));
}

// the municipality's own dwellings (no landlord) are edited by staff; update() matches
// only rows without a landlord, so a landlord's offer cannot be changed this way
const municipal = (id: string) => ({ owner: { landlordId: null }, id, back: (d: string) => `/staff/dwellings/${d}` });

// the municipality's set of this dwelling's photos, or 404 for no such dwelling
async function staffPhotos(event: RequestEvent) {
	const staff = userOf(event);
	if (!(await dwellings.getForStaff(event.params.id))) error(404);
	return { set: { dwellingId: event.params.id, byStaff: true }, by: staff.id, back: `/staff/dwellings/${event.params.id}` };
}

export const actions: Actions = {
	save: async (event) => {
		const dwelling = await dwellings.getForStaff(event.params.id);
		if (!dwelling || dwelling.landlord_id !== null) error(404);
		return saveDraft(municipal(event.params.id), event.request, dwelling.status !== 'draft');
	},
	submit: async (event) => {
		return submitOffer(municipal(event.params.id), event.request);
	},
	review: async (event) => {
		const staff = userOf(event);
		const form = await validate(reviewSchema, event.request, 'review');
		if (!form.valid) return invalid(form);
		try {
			await dwellings.review({
				id: event.params.id,
				staffId: staff.id,
				decision: form.data.decision!,
				message: form.data.message,
				districtId: form.data.district ?? null,
				districtReason: form.data.district_reason,
				inspectionDate: form.data.inspection_date ?? null,
				staffNote: form.data.staff_note
			});
		} catch (e) {
			if (e instanceof dwellings.TransitionError) return refuse(form, m.staff_review_not_submitted());
			if (e instanceof dwellings.DistrictReasonError) return refuseField(form, 'district_reason', m.error_district_reason());
			if (e instanceof dwellings.InspectionRequiredError) return refuse(form, m.staff_review_inspection_required());
			throw e;
		}
		nudge();
		redirect(303, `/staff/dwellings/${event.params.id}?reviewed`);
	},
	// the municipality's visit: a failed item sends an offer back to the landlord (record_inspection)
	inspect: async (event) => {
		const staff = userOf(event);
		// a dwelling deleted meanwhile (or an id made up): no such page, not a failed insert
		if (!(await dwellings.getForStaff(event.params.id))) error(404);
		const form = await validate(inspectionSchema, event.request, 'inspection');
		if (!form.valid) return invalid(form);
		let done: Awaited<ReturnType<typeof inspections.record>>;
		try {
			done = await inspections.record({
				dwellingId: event.params.id,
				staffId: staff.id,
				inspectedOn: form.data.inspected_on,
				findings: findingsOf(form.data),
				remarks: form.data.remarks
			});
		} catch (e) {
			if (e instanceof inspections.DraftError) return refuse(form, m.insp_draft());
			throw e;
		}
		if (done.sentBack) nudge();
		redirect(303, `/staff/dwellings/${event.params.id}?${done.sentBack ? 'sent_back' : 'inspected'}`);
	},
	// the municipality's own photos (issue 20), perhaps from a visit; the landlord's are theirs
	photo_add: async (event) => photoActions.addPhotos(event.request, await staffPhotos(event)),
	photo_caption: async (event) => photoActions.caption(event.request, await staffPhotos(event)),
	photo_up: async (event) => photoActions.move(event.request, await staffPhotos(event), true),
	photo_down: async (event) => photoActions.move(event.request, await staffPhotos(event), false),
	photo_remove: async (event) => photoActions.remove(event.request, await staffPhotos(event)),
	// a dwelling the address register lacks: staff give its point (the map's plain fallback)
	place: async (event) => {
		const form = await validate(placeSchema, event.request, 'place');
		if (!form.valid) return invalid(form);
		if (!(await dwellings.place(event.params.id, form.data.lat, form.data.lon))) error(404);
		redirect(303, `/staff/dwellings/${event.params.id}?placed`);
	}
};
