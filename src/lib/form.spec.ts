import { describe, expect, it } from 'vitest';
import { answered, asText, errorsOf, problemsOf, shown } from './form';

const form = (over: object = {}) => ({ id: 'offer', valid: false, posted: true, data: { street: 'Storgata 1' }, errors: {}, ...over });

describe('errorsOf', () => {
	it("names each field's first error as the page names the field, rows and groups included", () => {
		expect(
			errorsOf(
				form({
					errors: {
						phone: ['Bad phone', 'second'],
						languages: { 1: { level: ['Choose a level'] }, _errors: ['Too many'] },
						availability: { mon: ['Not a part of the day'] }
					}
				})
			)
		).toEqual({
			phone: 'Bad phone',
			'languages[1].level': 'Choose a level',
			languages: 'Too many',
			'availability.mon': 'Not a part of the day'
		});
	});

	it("gives a refusal (the form's message) and form-level errors as `form`", () => {
		expect(errorsOf(form({ message: 'Refused' }))).toEqual({ form: 'Refused' });
		expect(errorsOf(form({ errors: { _errors: ['Whole form'] } }))).toEqual({ form: 'Whole form' });
		expect(errorsOf(undefined)).toEqual({});
	});
});

describe('answered and shown', () => {
	it("shows the action's form only when it is about the same form", () => {
		const loaded = form({ id: 'review', valid: true, posted: false });
		expect(shown({ form: form() }, loaded)).toBe(loaded);
		const answer = form({ id: 'review' });
		expect(shown({ form: answer }, loaded)).toBe(answer);
		expect(shown(null, loaded)).toBe(loaded);
		expect(answered({ done: 'password' })).toBeUndefined();
	});
});

describe('problemsOf and asText', () => {
	it('lists every problem of a field, and shows values as a text field does', () => {
		expect(problemsOf(form({ errors: { file: ['line 2', 'line 3'] } }), 'file')).toEqual(['line 2', 'line 3']);
		expect(problemsOf(form(), 'file')).toEqual([]);
		expect([asText(['Lid', 'Straumvik']), asText(3), asText(null), asText(undefined)]).toEqual(['Lid, Straumvik', '3', '', '']);
	});
});
