// Dwellings: what landlords offer and staff review. Every read and write of a landlord
// names the landlord in the query itself, so guessing another dwelling's id finds nothing.
import type { Database } from '$lib/database.types';
import type { DwellingFields } from '$lib/schemas/dwelling';
import { db } from './client';

export type Dwelling = Database['public']['Tables']['dwellings']['Row'];
export type DwellingStatus = Database['public']['Enums']['dwelling_status'];

/** the landlord, or null for the municipality's own dwellings (staff) */
export type Owner = { landlordId: string | null };

export class TransitionError extends Error {}

function failed(what: string, error: { message: string; hint?: string | null; code?: string }): never {
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

export async function getForLandlord(id: string, landlordId: string): Promise<Dwelling | null> {
	const { data, error } = await db().from('dwellings').select('*').eq('id', id).eq('landlord_id', landlordId).maybeSingle();
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

export async function submit(id: string, origin: string) {
	const { error } = await db().rpc('submit_dwelling', { p_dwelling: id, p_origin: origin });
	if (error) failed('sending in a dwelling', error);
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
	inspectionDate: string | null;
	staffNote: string;
	origin: string;
}) {
	const { error } = await db().rpc('review_dwelling', {
		p_dwelling: input.id,
		p_staff: input.staffId,
		p_decision: input.decision,
		p_message: input.message,
		p_district: input.districtId as string,
		p_inspection_date: input.inspectionDate as string,
		p_staff_note: input.staffNote,
		p_origin: input.origin
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
	sort: 'submitted_at' | 'rent_nok' | 'bedrooms' | 'locality';
};

export type StaffRow = Dwelling & { district: { name: string } | null; stale: boolean };

/** offers whose "still available?" check has gone unanswered for 14 days */
async function staleIds(): Promise<Set<string>> {
	const { data, error } = await db().from('dwelling_flags').select('dwelling_id').eq('stale', true);
	if (error) failed('reading stale offers', error);
	return new Set(data.map((f) => f.dwelling_id!));
}

export async function listForStaff(filters: StaffFilters): Promise<StaffRow[]> {
	let query = db().from('dwellings').select('*, district:districts(name)');
	if (filters.status) query = query.eq('status', filters.status);
	else query = query.neq('status', 'draft');
	if (filters.locality) query = query.eq('locality', filters.locality);
	if (filters.districtId) query = query.eq('district_id', filters.districtId);
	if (filters.minBedrooms !== undefined) query = query.gte('bedrooms', filters.minBedrooms);
	if (filters.stepFree) query = query.eq('step_free', true);
	if (filters.maxRent !== undefined) query = query.lte('rent_nok', filters.maxRent);
	const [{ data, error }, stale] = await Promise.all([
		query.order(filters.sort, { ascending: filters.sort !== 'submitted_at', nullsFirst: false }).limit(500),
		staleIds()
	]);
	if (error) failed('listing dwellings', error);
	return data.map((d) => ({ ...d, stale: stale.has(d.id) }));
}

export async function getForStaff(id: string): Promise<StaffRow | null> {
	const [{ data, error }, stale] = await Promise.all([
		db().from('dwellings').select('*, district:districts(name)').eq('id', id).maybeSingle(),
		staleIds()
	]);
	if (error) failed('reading a dwelling', error);
	return data ? { ...data, stale: stale.has(data.id) } : null;
}

export async function localities(): Promise<string[]> {
	const { data, error } = await db().from('dwellings').select('locality').not('locality', 'is', null);
	if (error) failed('listing localities', error);
	return [...new Set(data.map((d) => d.locality!))].sort((a, b) => a.localeCompare(b, 'nb'));
}

export async function rentCaps(): Promise<Map<number, number>> {
	const { data, error } = await db().from('rent_caps').select('persons, max_rent_nok');
	if (error) failed('reading the rent caps', error);
	return new Map(data.map((c) => [c.persons, c.max_rent_nok]));
}
