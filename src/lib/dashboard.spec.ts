import { describe, expect, it } from 'vitest';
import { districtLoad, forecast } from './dashboard';

describe('forecast', () => {
	it('projects the pace so far over the whole year', () => {
		// 2026-07-02 is day 183 of 365: 50 persons so far is 100 by new year (rounded)
		expect(forecast(50, 2026, '2026-07-02')).toBe(100);
	});

	it('counts a leap year as 366 days', () => {
		expect(forecast(183, 2028, '2028-07-01')).toBe(366);
	});

	it('gives a past year what was settled and a coming year nothing', () => {
		expect(forecast(40, 2025, '2026-03-01')).toBe(40);
		expect(forecast(0, 2027, '2026-03-01')).toBeNull();
	});
});

describe('districtLoad', () => {
	const base = {
		id: 'd',
		name: 'Lid',
		kindergarten_places: 2,
		primary_places: 5,
		lower_secondary_places: 3,
		kindergarten_expected: 0,
		primary_expected: 1,
		lower_secondary_expected: 0,
		placed: 4
	};

	it('has room while every stage has a place left', () => {
		const load = districtLoad(base);
		expect(load.capacity).toBe('ok');
		expect(load.places).toBe(10);
		expect(load.expected).toBe(1);
		expect(load.stages.find((s) => s.stage === 'primary')?.left).toBe(4);
	});

	it('is full when a stage has no place left, and over when more children come than places', () => {
		expect(districtLoad({ ...base, kindergarten_places: 0 }).capacity).toBe('full');
		expect(districtLoad({ ...base, lower_secondary_expected: 3 }).capacity).toBe('full');
		expect(districtLoad({ ...base, primary_expected: 6 }).capacity).toBe('over');
	});
});
