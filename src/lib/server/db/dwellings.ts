// Dwellings: what landlords offer and staff review. Every read and write of a landlord
// names the landlord in the query itself, so guessing another dwelling's id finds nothing.
import type { Database } from '$lib/database.types';
import { z } from 'zod';
import type { DwellingFields } from '$lib/schemas/dwelling';
import { rangeOf, type ListState } from '$lib/schemas/list';
import { inspectionShape } from './inspections';
import type { Photo } from './photos';
import { db } from './client';
import { dwellingRow, maybeInt, maybeText, rentCaps, shape } from './shape';

export type Dwelling = Database['public']['Tables']['dwellings']['Row'];
export type DwellingStatus = Database['public']['Enums']['dwelling_status'];

/** the landlord, or null for the municipality's own dwellings (staff) */
export type Owner = { landlordId: string | null };

export class TransitionError extends Error {}

/** the terms of a proposed or let offer do not change (the database refuses, hint dwelling_frozen) */
export class FrozenError extends Error {}

/** a landlord's offer is not sent in before they have given a phone number (hint landlord_phone_missing) */
export class PhoneMissingError extends Error {}

/** another district than the one the dwelling's boundary gives, without a reason (hint district_reason_required) */
export class DistrictReasonError extends Error {}

/** approval without a passed inspection, where the admin setting asks for one (hint inspection_required) */
export class InspectionRequiredError extends Error {}

function failed(what: string, error: { message: string; hint?: string | null; code?: string }): never {
	if (error.hint === 'dwelling_frozen') throw new FrozenError(error.message);
	if (error.hint === 'landlord_phone_missing') throw new PhoneMissingError(error.message);
	if (error.hint === 'district_reason_required') throw new DistrictReasonError(error.message);
	if (error.hint === 'inspection_required') throw new InspectionRequiredError(error.message);
	// a refused status change, an offer that is not complete, or a landlord not yet verified
	if (['invalid_transition', 'dwelling_not_available', 'unverified'].includes(error.hint ?? '') || error.code === '23514')
		throw new TransitionError(error.message);
	throw new Error(`${what}: ${error.message}`);
}

const row = (fields: DwellingFields) => ({
	...fields,
	// a field left blank is stored as "not given"
	...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === undefined ? null : v]))
});

export async function listForLandlord(landlordId: string): Promise<Dwelling[]> {
	const { data, error } = await db().from('dwellings').select('*').eq('landlord_id', landlordId).order('created_at', { ascending: false });
	if (error) failed('listing dwellings', error);
	return data;
}

/** with what the landlord may do with it now (landlord_actions: public.dwelling_actions of its status) */
export async function getForLandlord(id: string, landlordId: string): Promise<(Dwelling & { dwelling_photos: Photo[] }) | null> {
	const { data, error } = await db()
		.from('dwellings')
		// its photos in the same read (the page's round trips: tests/reliability/round-trips.test.ts)
		.select('*, landlord_actions, inspection_to_mend, dwelling_photos(id, position, caption, width, height)')
		.eq('id', id)
		.eq('landlord_id', landlordId)
		// the landlord's own set only: the municipality's photos are staff's
		.eq('dwelling_photos.by_staff', false)
		.order('position', { referencedTable: 'dwelling_photos' })
		.maybeSingle();
	if (error) failed('reading a dwelling', error);
	return data;
}

export async function create(owner: Owner, fields: DwellingFields): Promise<string> {
	const { data, error } = await db()
		.from('dwellings')
		.insert({ ...row(fields), landlord_id: owner.landlordId, status: 'draft' })
		.select('id')
		.single();
	if (error) failed('saving a dwelling', error);
	return data.id;
}

/** change the offer's fields; the landlord's own only (staff: landlordId null edits the municipality's) */
export async function update(id: string, owner: Owner, fields: DwellingFields): Promise<boolean> {
	let query = db().from('dwellings').update(row(fields)).eq('id', id);
	query = owner.landlordId === null ? query.is('landlord_id', null) : query.eq('landlord_id', owner.landlordId);
	const { data, error } = await query.select('id');
	if (error) failed('saving a dwelling', error);
	return data.length === 1;
}

export async function submit(id: string) {
	const { error } = await db().rpc('submit_dwelling', { p_dwelling: id });
	if (error) failed('sending in a dwelling', error);
}

/**
 * save the offer's fields and send it in, in one transaction (save_and_submit_dwelling): a
 * refused submit saves nothing. `id` null makes a new offer. Returns its id, or null when
 * `id` is not this owner's.
 */
export async function saveAndSubmit(id: string | null, owner: Owner, fields: DwellingFields): Promise<string | null> {
	const { data, error } = await db().rpc('save_and_submit_dwelling', {
		p_dwelling: id as string,
		p_landlord: owner.landlordId as string,
		p_fields: row(fields)
	});
	if (error) failed('sending in a dwelling', error);
	return data;
}

export async function withdraw(id: string) {
	const { error } = await db().rpc('withdraw_dwelling', { p_dwelling: id });
	if (error) failed('withdrawing a dwelling', error);
}

export async function review(input: {
	id: string;
	staffId: string;
	decision: 'approved' | 'needs_changes' | 'rejected';
	message: string;
	districtId: string | null;
	districtReason: string;
	inspectionDate: string | null;
	staffNote: string;
}) {
	const { error } = await db().rpc('review_dwelling', {
		p_dwelling: input.id,
		p_staff: input.staffId,
		p_decision: input.decision,
		p_message: input.message,
		p_district: input.districtId as string,
		p_inspection_date: input.inspectionDate as string,
		p_staff_note: input.staffNote,
		p_district_reason: input.districtReason
	});
	if (error) failed('reviewing a dwelling', error);
}

export type StaffFilters = {
	status?: DwellingStatus;
	locality?: string;
	districtId?: string;
	minBedrooms?: number;
	stepFree?: boolean;
	maxRent?: number;
} & ListState<'submitted_at' | 'rent_nok' | 'bedrooms' | 'locality'>;

export type StaffRow = Omit<Dwelling, 'dwelling_terms' | 'landlord_actions' | 'inspection_to_mend'> & {
	district: { name: string } | null;
	stale: boolean;
};

/** offers whose "still available?" check has gone unanswered for 14 days */
async function staleIds(): Promise<Set<string>> {
	const { data, error } = await db().from('dwelling_flags').select('dwelling_id').eq('stale', true);
	if (error) failed('reading stale offers', error);
	return new Set(data.map((f) => f.dwelling_id!));
}

// what staff_dwellings_page and staff_dwelling_page return (20261127110000_page_reads.sql)
const staffRow = z.intersection(dwellingRow, z.object({ district: z.object({ name: z.string() }).nullable(), stale: z.boolean() }));
const lookups = z.object({ rent_caps: rentCaps, districts: z.array(z.object({ id: z.string(), name: z.string() })) });
type Lookups = z.output<typeof lookups>;
const capsOf = (l: Lookups) => new Map(l.rent_caps.map((c) => [c.persons, c.max_rent_nok]));
const listPage = lookups.extend({ total: z.number().int(), dwellings: z.array(staffRow), localities: z.array(z.string()) });
// the landlord who offers it, for booking the inspection (null: the municipality's own)
const landlordContact = z.object({ display_name: z.string(), email: z.string(), phone: z.string() }).nullable();
// where it is (public.dwelling_place): the register's address, the point, the boundary's
// district and the bus access from the timetable (20261206000000_where_a_dwelling_is.sql)
const placeShape = z.object({
	address: z.object({ id: z.string(), street: z.string(), postcode: z.string(), place: z.string() }).nullable(),
	lat: z.number().nullable(),
	lon: z.number().nullable(),
	placed_by: z.enum(['register', 'staff']).nullable(),
	district_reason: maybeText,
	boundary_district: z.object({ id: z.string(), name: z.string() }).nullable(),
	bus: z
		.object({
			nearest_stop_name: maybeText,
			nearest_walk_m: maybeInt,
			nearest_departures: maybeInt,
			departures_500: z.number().int(),
			departures_1000: z.number().int(),
			hub_departures_1000: z.number().int(),
			first_departure: maybeInt,
			last_departure: maybeInt
		})
		.nullable(),
	feed: z.object({ file_name: z.string(), service_date: z.string(), hub_name: maybeText }).nullable()
});
export type Place = z.output<typeof placeShape>;
const onePage = lookups
	.extend({
		dwelling: staffRow,
		landlord: landlordContact,
		place: placeShape,
		inspections: z.array(inspectionShape),
		approval_needs_inspection: z.boolean()
	})
	.nullable();

/** staff's list page in one round trip: one page of the offers with their total, the rent caps, districts and localities */
export async function staffPage(filters: StaffFilters) {
	const { data, error } = await db().rpc('staff_dwellings_page', {
		p_filters: {
			status: filters.status ?? null,
			locality: filters.locality ?? null,
			district_id: filters.districtId ?? null,
			min_bedrooms: filters.minBedrooms ?? null,
			step_free: filters.stepFree ?? false,
			max_rent: filters.maxRent ?? null,
			sort: filters.sort,
			dir: filters.dir,
			size: filters.size,
			offset: rangeOf(filters).from
		}
	});
	if (error) failed('listing dwellings', error);
	const page = shape('staff_dwellings_page', listPage, data);
	return {
		rows: page.dwellings,
		total: page.total,
		caps: capsOf(page),
		districts: page.districts,
		localities: page.localities.sort((a, b) => a.localeCompare(b, 'nb'))
	};
}

/** one dwelling's page for staff with its landlord, the rent caps and districts; the read is logged (same transaction) */
export async function readForStaff(id: string, readerId: string) {
	const { data, error } = await db().rpc('staff_dwelling_page', { p_dwelling: id, p_reader: readerId });
	if (error) failed('reading a dwelling', error);
	const page = shape('staff_dwelling_page', onePage, data);
	return (
		page && {
			dwelling: page.dwelling,
			landlord: page.landlord,
			place: page.place,
			caps: capsOf(page),
			districts: page.districts,
			inspections: page.inspections,
			approvalNeedsInspection: page.approval_needs_inspection
		}
	);
}

/** staff place a dwelling the register lacks; false when it has a register address (its point is the register's) */
export async function place(id: string, lat: number, lon: number): Promise<boolean> {
	const { data, error } = await db().rpc('place_dwelling', { p_dwelling: id, p_lat: lat, p_lon: lon });
	if (error) failed('placing a dwelling', error);
	return data === true;
}

export async function getForStaff(id: string): Promise<StaffRow | null> {
	const [{ data, error }, stale] = await Promise.all([
		db().from('dwellings').select('*, district:districts(name)').eq('id', id).maybeSingle(),
		staleIds()
	]);
	if (error) failed('reading a dwelling', error);
	return data ? { ...data, stale: stale.has(data.id) } : null;
}
