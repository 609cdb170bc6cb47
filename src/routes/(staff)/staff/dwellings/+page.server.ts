import { overRentCap } from '$lib/rent-cap';
import { dwellingFiltersSchema } from '$lib/schemas/dwelling-filters';
import { queryOf } from '$lib/schemas/list';
import * as dwellings from '$lib/server/db/dwellings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = dwellingFiltersSchema.parse(queryOf(event.url));
	// the offers with the rent caps, districts and localities for the filters, in one read
	const {
		rows,
		total,
		caps,
		districts: districtOptions,
		localities
	} = await dwellings.staffPage({
		status: filters.status,
		locality: filters.locality || undefined,
		districtId: filters.district,
		minBedrooms: filters.min_bedrooms,
		stepFree: filters.step_free,
		maxRent: filters.max_rent,
		sort: filters.sort,
		dir: filters.dir,
		size: filters.size,
		page: filters.page
	});
	return {
		filters,
		total,
		districts: districtOptions,
		localities,
		dwellings: rows.map((d) => ({
			id: d.id,
			address: [d.street, d.place].filter(Boolean).join(', '),
			locality: d.locality,
			district: d.district?.name ?? null,
			status: d.status,
			bedrooms: d.bedrooms,
			maxOccupants: d.max_occupants,
			rent: d.rent_nok,
			stepFree: d.step_free,
			municipal: d.landlord_id === null,
			stale: d.stale,
			overCap: overRentCap(d.rent_nok, d.max_occupants, caps)
		}))
	};
};
