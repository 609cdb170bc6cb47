import { describe, expect, it } from 'vitest';
import { changesSinceApproval, termValue } from './dwelling-terms';

const approved = { rent_nok: 9000, step_free: false, available_until: null, street: 'Fjordvegen 1' };

describe('changesSinceApproval', () => {
	it('lists the terms that differ from the approved ones, was and now', () => {
		const now = { ...approved, rent_nok: 9500, step_free: true, available_until: '2027-06-30', approved_terms: approved };
		expect(changesSinceApproval(now)).toEqual([
			{ term: 'rent_nok', was: 9000, now: 9500 },
			{ term: 'step_free', was: false, now: true },
			{ term: 'available_until', was: null, now: '2027-06-30' }
		]);
	});

	it('finds nothing for an offer as approved, or never approved', () => {
		expect(changesSinceApproval({ ...approved, approved_terms: approved })).toEqual([]);
		expect(changesSinceApproval({ ...approved, rent_nok: 1, approved_terms: null })).toEqual([]);
	});

	it('ignores a term the approval did not record', () => {
		expect(changesSinceApproval({ ...approved, deposit_nok: 5000, approved_terms: approved })).toEqual([]);
	});
});

describe('termValue', () => {
	it('writes numbers, yes/no, dates, choices and "none" as the reader does', () => {
		expect(termValue('rent_nok', 9500, 'nn').replace(/\s/g, ' ')).toBe('9 500');
		expect(termValue('step_free', true, 'nn')).toBe('Ja');
		expect(termValue('available_from', '2027-03-03', 'nn')).toBe('3. mars 2027');
		expect(termValue('furnished', 'partly', 'nn')).toBe('Delvis');
		expect(termValue('available_until', null, 'nn')).toBe('–');
	});
});
