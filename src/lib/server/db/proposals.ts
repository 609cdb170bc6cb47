// Proposals as a landlord sees them: anonymised, through SQL functions that never return
// a household's name, reference, notes or health — the contact person only once confirmed.
import { db } from './client';

export type ProposalSummary = {
	match_id: string;
	status: 'proposed' | 'accepted_by_landlord' | 'confirmed' | 'declined' | 'cancelled';
	dwelling_id: string;
	address: string;
	adults: number;
	elderly: number;
	children_ages: number[];
	needs_step_free: boolean;
	has_pets: boolean;
	expected_arrival: string | null;
	languages: string[];
	contact_name: string | null;
	contact_phone: string | null;
	/** a cancelled proposal ended by the landlord's withdrawal of the offer, not by staff */
	offer_withdrawn: boolean;
};

/**
 * the proposals a landlord still has to do with (ids and addresses only): those waiting for
 * their answer, and those they said yes to that staff have not confirmed yet. A confirmed
 * (let) or withdrawn proposal is not listed; its page stays at its link.
 */
export async function forLandlord(landlordId: string) {
	const { data, error } = await db()
		.from('matches')
		.select('id, status, created_at, dwelling:dwellings!inner(id, street, place, landlord_id)')
		.eq('dwelling.landlord_id', landlordId)
		.in('status', ['proposed', 'accepted_by_landlord'])
		.order('created_at', { ascending: false });
	if (error) throw new Error(`listing proposals: ${error.message}`);
	return data.map((p) => ({ id: p.id, status: p.status, address: `${p.dwelling.street}, ${p.dwelling.place}` }));
}

export async function summary(matchId: string, landlordId: string): Promise<ProposalSummary | null> {
	const { data, error } = await db().rpc('proposal_for_landlord', { p_match: matchId, p_landlord: landlordId }).maybeSingle();
	if (error) throw new Error(`reading a proposal: ${error.message}`);
	return data as ProposalSummary | null;
}

export async function answer(matchId: string, landlordId: string, accept: boolean, reason: string): Promise<boolean> {
	const { data, error } = await db().rpc('answer_proposal', {
		p_match: matchId,
		p_landlord: landlordId,
		p_accept: accept,
		p_reason: reason
	});
	if (error) throw new Error(`answering a proposal: ${error.message}`);
	return data;
}
