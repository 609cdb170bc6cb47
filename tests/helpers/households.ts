// A household of a test's own, waiting for a home: one adult, few needs, so the matching
// engine has homes to suggest whatever other tests did to the demo data before.
import { serviceClient } from './clients';

export async function waitingHousehold(prefix: string): Promise<string> {
	const { data, error } = await serviceClient()
		.from('households')
		.insert({
			imdi_reference: `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
			category: 'resettlement',
			status: 'expected',
			contact_name: 'Testperson',
			languages: ['uk'],
			expected_arrival: '2027-06-01'
		})
		.select('id')
		.single();
	if (error || !data) throw new Error(`a household: ${error?.message}`);
	const { error: members } = await serviceClient()
		.from('household_members')
		.insert({ household_id: data.id, first_name: '', age_band: 'adult', relation: 'parent' });
	if (members) throw new Error(`its member: ${members.message}`);
	return data.id;
}

/** the household's open proposal, and the e-mail of the dwelling's landlord (null: a home of the municipality's own) */
export async function proposalOf(householdId: string): Promise<{ id: string; landlordEmail: string | null }> {
	const { data, error } = await serviceClient()
		.from('matches')
		.select('id, dwelling:dwellings(landlord:users!dwellings_landlord_id_fkey(email))')
		.eq('household_id', householdId)
		.eq('status', 'proposed')
		.single();
	if (error || !data) throw new Error(`the proposal: ${error?.message}`);
	return { id: data.id, landlordEmail: (data.dwelling as unknown as { landlord: { email: string } | null }).landlord?.email ?? null };
}

/**
 * A household of `persons` living in the dwelling: the confirmed match of a signed contract
 * (status: where the household is now), as confirming leaves it. The dwelling must be let.
 */
export async function livingIn(dwellingId: string, persons: number, status: 'matched' | 'contract_signed' = 'contract_signed') {
	const db = serviceClient();
	const { data, error } = await db
		.from('households')
		.insert({ imdi_reference: `BUR-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, category: 'resettlement', status })
		.select('id')
		.single();
	if (error) throw new Error(`a household: ${error.message}`);
	const members = Array.from({ length: persons }, () => ({ household_id: data.id, first_name: '', age_band: 'adult' as const }));
	const { error: added } = await db.from('household_members').insert(members);
	if (added) throw new Error(`its members: ${added.message}`);
	const { error: matched } = await db.from('matches').insert({ household_id: data.id, dwelling_id: dwellingId, status: 'confirmed' });
	if (matched) throw new Error(`its match: ${matched.message}`);
	return data.id;
}
