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
