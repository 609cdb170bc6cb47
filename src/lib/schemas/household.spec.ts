import { describe, expect, it } from 'vitest';
import { errorsOf } from '../form';
import { validate } from '../server/form';
import { fromHousehold, householdSchema, toNewHousehold } from './household';

// a household as read_household returns it: its columns and its member rows
const stored = {
	id: '6f1c0d8e-1c2b-4a55-9a0e-5b1d2c3e4f50',
	imdi_reference: 'IMDI-2027-0042',
	category: 'resettlement',
	status: 'expected',
	contact_name: 'Olena K.',
	contact_phone: '+47 900 11 222',
	languages: ['uk', 'ru'],
	needs_step_free: true,
	needs_near_health_centre: false,
	needs_ground_floor: false,
	has_pets: false,
	preferred_localities: ['Straumvik', 'Fjordvik sentrum'],
	expected_arrival: '2027-03-01',
	settled_on: null,
	staff_note: 'Ring før kl. 15.',
	anonymised_at: null,
	household_members: [
		{ age_band: 'adult' as const, age: null },
		{ age_band: 'child' as const, age: 3 },
		{ age_band: 'adult' as const, age: 41 },
		{ age_band: 'child' as const, age: 8 },
		{ age_band: 'elderly' as const, age: null }
	]
};

describe('the household form filled from a stored household', () => {
	it('counts the members by age band, lists the children’s ages and leaves out what the form does not have', () => {
		const values = fromHousehold(stored);
		expect(values).toMatchObject({ adults: 2, elderly: 1, children_ages: [8, 3], imdi_reference: 'IMDI-2027-0042' });
		expect(values).not.toHaveProperty('status');
		expect(values).not.toHaveProperty('household_members');
	});

	it('passes the form’s schema as it is, and saving it unchanged gives the same members', () => {
		const parsed = householdSchema.safeParse(fromHousehold(stored));
		expect(parsed.success).toBe(true);
		const { members, ...fields } = toNewHousehold(parsed.data!);
		expect(fields.preferred_localities).toEqual(['Straumvik', 'Fjordvik sentrum']);
		expect(fields.languages).toEqual(['uk', 'ru']);
		const key = (x: { age_band: string; age: number | null }) => `${x.age_band}:${x.age_band === 'child' ? x.age : ''}`;
		expect(members.map(key).sort()).toEqual(stored.household_members.map(key).sort());
	});
});

describe('the household form', () => {
	it('names the children’s ages field itself when one age is not a child’s', () => {
		for (const typed of ['4, 30', '4, x', '2.5']) {
			const result = householdSchema.safeParse({ imdi_reference: 'X-1', category: 'other', adults: '1', children_ages: typed });
			expect(result.success).toBe(false);
			expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['children_ages', 'error_children_ages']]);
		}
		expect(householdSchema.parse({ imdi_reference: 'X-1', category: 'other', children_ages: '8, 0' }).children_ages).toEqual([8, 0]);
	});

	it('posted as a page posts it, puts the error on the children’s ages field and keeps what was typed', async () => {
		const posted = new FormData();
		for (const [k, v] of Object.entries({ imdi_reference: 'X-1', category: 'other', adults: '1', children_ages: '4, 30' }))
			posted.append(k, v);
		const form = await validate(householdSchema, posted);
		expect(form.valid).toBe(false);
		expect(Object.keys(errorsOf(form))).toEqual(['children_ages']);
		expect(String(form.data.children_ages)).toBe('4, 30');
	});
});

describe('householdSchema without a category', () => {
	it('refuses a household without a category, rather than filing it under the first', async () => {
		const posted = new FormData();
		for (const [k, v] of Object.entries({ imdi_reference: 'X-1', adults: '2', elderly: '0', children_ages: '' })) posted.append(k, v);
		const form = await validate(householdSchema, posted);
		expect(form.valid).toBe(false);
		expect(form.errors).toHaveProperty('category');
		expect(form.data.category).toBeUndefined();
	});
});
