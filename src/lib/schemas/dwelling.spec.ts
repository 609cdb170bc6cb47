import { describe, expect, it } from 'vitest';
import { draftSchema, offerSchema } from './dwelling';

const complete = {
	street: 'Fjordvegen 3',
	postcode: '5914',
	place: 'Straumvik',
	locality: 'Straumvik',
	bedrooms: '2',
	beds: '3',
	max_occupants: '3',
	rent_nok: '9 500',
	available_from: '2027-01-01',
	fire_safety_confirmed: 'on'
};

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('the offer form', () => {
	it('accepts a complete offer, reading numbers as people type them', () => {
		const result = offerSchema.safeParse(complete);
		expect(result.success).toBe(true);
		expect(result.data?.rent_nok).toBe(9500);
		expect(result.data?.step_free).toBe(false);
	});

	it('saves an incomplete draft, but not a draft with a wrong value', () => {
		expect(draftSchema.safeParse({ street: 'Fjordvegen 3' }).success).toBe(true);
		expect(messages(draftSchema.safeParse({ beds: '-1' }))).toEqual({ beds: 'error_number_range:1:40' });
	});

	it('says what is missing or wrong when the offer is sent in', () => {
		const result = offerSchema.safeParse({
			...complete,
			rent_nok: 'mykje',
			beds: '',
			fire_safety_confirmed: undefined,
			available_until: '2026-12-01'
		});
		expect(messages(result)).toEqual({
			rent_nok: 'error_number',
			beds: 'error_required',
			fire_safety_confirmed: 'error_fire_safety',
			available_until: 'error_date_order'
		});
	});

	it('refuses a description of 50 KB', () => {
		expect(messages(draftSchema.safeParse({ description: 'x'.repeat(50_000) }))).toEqual({ description: 'error_too_long' });
	});
});
