// Dwellings made by a test for itself, through the service role.
import { Constants } from '../../src/lib/database.types';
import { serviceClient } from './clients';
import { seedId } from './seed';

/** the fields a dwelling needs to be anything but a draft (dwellings_complete_unless_draft) */
export const COMPLETE_OFFER = {
	street: 'Testvegen 1',
	postcode: '5914',
	place: 'Straumvik',
	locality: 'Straumvik',
	bedrooms: 2,
	beds: 3,
	max_occupants: 3,
	rent_nok: 9000,
	available_from: '2027-01-01',
	fire_safety_confirmed: true
};

/** a passed inspection of the dwelling, recorded as staff record one (approval needs it) */
export async function passedInspection(dwellingId: string) {
	const findings = Constants.public.Enums.inspection_item.map((item) => ({ item, result: 'ok', note: '' }));
	const { error } = await serviceClient().rpc('record_inspection', {
		p_dwelling: dwellingId,
		p_staff: seedId('user:staff'),
		p_inspected_on: '2027-01-05',
		p_findings: findings,
		p_remarks: ''
	});
	if (error) throw new Error(`an inspection: ${error.message}`);
}

/** a dwelling of the municipality's that is let, as the lifecycle gets there (submitted, approved, proposed, let) */
export async function letDwelling(over: Record<string, unknown> = {}) {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street: `Leigevegen ${Date.now() % 100000}`, ...over, status: 'submitted' })
		.select('id')
		.single();
	if (error) throw new Error(`a dwelling: ${error.message}`);
	for (const status of ['approved', 'proposed', 'let'] as const) {
		const { error: moved } = await db.from('dwellings').update({ status }).eq('id', data.id);
		if (moved) throw new Error(`to ${status}: ${moved.message}`);
	}
	return data.id;
}
