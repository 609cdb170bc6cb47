import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { districtPlacesSchema } from '$lib/schemas/district';
import { localitiesSchema } from '$lib/schemas/locality';
import * as districts from '$lib/server/db/districts';
import { ImportError } from '$lib/server/files/import-error';
import * as localities from '$lib/server/db/localities';
import { fileForm, invalid, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [districtList, localityList] = await Promise.all([districts.list(), localities.list()]);
	return {
		districts: districtList,
		localities: localityList,
		saved: event.url.searchParams.has('saved'),
		boundaries: boundariesOf(event.url),
		localitiesSaved: event.url.searchParams.has('localities')
	};
};

// adapter-node refuses a request body above BODY_SIZE_LIMIT (512 kB unless the operator sets
// more) before any action runs; a file up to that limit gets its answer here, next to the
// field. A municipality's school districts are usually smaller; a larger file is imported with
// `npm run import:districts`, which has no limit (README)
const MAX_BOUNDARY_KB = 512;

// what the last upload did, carried in the redirect (added, updated, cleared, dwellings)
function boundariesOf(url: URL) {
	const counts = url.searchParams.get('boundaries')?.split('.').map(Number);
	if (!counts || counts.length !== 4 || counts.some((n) => !Number.isInteger(n) || n < 0)) return null;
	const [added, updated, cleared, dwellings] = counts;
	return { added, updated, cleared, dwellings };
}

export const actions: Actions = {
	save: async (event) => {
		const form = await validate(districtPlacesSchema, event.request);
		if (!form.valid) return invalid(form);
		const { id, ...places } = form.data;
		await districts.setPlaces(id, places);
		redirect(303, '/staff/districts?saved');
	},
	// which localities are near a health centre (the matching's health part)
	localities: async (event) => {
		const form = await validate(localitiesSchema, event.request, 'localities');
		if (!form.valid) return invalid(form);
		await localities.setNearHealthCentre(form.data.shown, form.data.near);
		redirect(303, '/staff/districts?localities#localities-title');
	},
	// the admin's upload of the school districts' boundaries (the same import as
	// `npm run import:districts`): a district follows from a dwelling's point from then on
	boundaries: async (event) => {
		const file = (await event.request.formData()).get('file');
		const form = await fileForm('boundaries');
		if (!(file instanceof File) || file.size === 0) return refuseField(form, 'file', m.boundaries_empty());
		if (file.size > MAX_BOUNDARY_KB * 1024) return refuseField(form, 'file', m.boundaries_too_big({ kb: MAX_BOUNDARY_KB }));
		let result: Awaited<ReturnType<typeof districts.importBoundaries>>;
		try {
			result = await districts.importBoundaries(file.name || 'boundaries.geojson', await file.text());
		} catch (e) {
			if (e instanceof ImportError) return refuseField(form, 'file', m.boundaries_refused({ problem: e.message }));
			throw e;
		}
		const { added, updated, cleared, dwellings } = result;
		redirect(303, `/staff/districts?boundaries=${[added, updated, cleared, dwellings].join('.')}#boundaries-title`);
	}
};
