import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { log } from '$lib/server/log';
import { dwellingRow, shape, ShapeError } from './shape';

const page = z.object({ months: z.number().int().nullable(), upcoming: z.array(z.object({ due_on: z.string() })) });

afterEach(() => vi.restoreAllMocks());

describe('shape', () => {
	it('gives back a document of the expected shape, parsed', () => {
		expect(shape('retention_overview', page, { months: null, upcoming: [{ due_on: '2027-01-01', extra: 1 }] })).toEqual({
			months: null,
			upcoming: [{ due_on: '2027-01-01' }]
		});
	});

	it('turns a document of another shape into a logged error naming the function, without its values', () => {
		const error = vi.spyOn(log(), 'error').mockImplementation(() => undefined);
		expect(() => shape('retention_overview', page, { months: '24', upcoming: [{ due_on: 'Hemmeleg Hansen' }, {}] })).toThrow(ShapeError);
		expect(error).toHaveBeenCalledTimes(1);
		const fields = error.mock.calls[0][0] as { what: string; issues: { path: string; code: string }[] };
		expect(fields.what).toBe('retention_overview');
		expect(fields.issues.map((i) => i.path)).toEqual(['months', 'upcoming.1.due_on']);
		expect(JSON.stringify(fields)).not.toContain('Hemmeleg');
	});

	it('refuses a null where the document must have one', () => {
		vi.spyOn(log(), 'error').mockImplementation(() => undefined);
		expect(() => shape('staff_dwellings_page', page, null)).toThrow(/staff_dwellings_page/);
	});

	it('knows a dwelling row as to_jsonb writes it, and refuses an unknown status', () => {
		vi.spyOn(log(), 'error').mockImplementation(() => undefined);
		const row = {
			address_id: '700001',
			approved_terms: null,
			available_from: '2027-01-01',
			available_until: null,
			bedrooms: 2,
			beds: 3,
			bus_departures_per_weekday: null,
			bus_stop_distance_m: null,
			confirmed_available_at: null,
			created_at: '2026-12-01T10:00:00+00:00',
			deposit_nok: null,
			description: '',
			district_id: null,
			district_reason: null,
			fire_safety_confirmed: true,
			furnished: 'no',
			id: '00000000-0000-4000-8000-000000000001',
			inspection_date: null,
			landlord_id: null,
			lat: 60.78,
			lon: 5.21,
			locality: 'Lid',
			max_occupants: 3,
			min_lease_months: null,
			pets_allowed: false,
			place: 'Straumvik',
			placed_by: 'register',
			postcode: '5914',
			rent_includes_electricity: false,
			rent_includes_internet: false,
			rent_nok: 9000,
			review_message: '',
			reviewed_at: null,
			reviewed_by: null,
			size_m2: null,
			smoking_allowed: false,
			staff_note: '',
			status: 'approved',
			step_free: false,
			floor: null,
			lift: false,
			street: 'Testvegen 1',
			submitted_at: null,
			updated_at: '2026-12-01T10:00:00+00:00'
		};
		expect(shape('row', dwellingRow, row)).toEqual(row);
		expect(() => shape('row', dwellingRow, { ...row, status: 'sold' })).toThrow(ShapeError);
	});
});
