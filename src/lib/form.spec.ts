import { describe, expect, it } from 'vitest';
import { answered, asText, errorsOf, problemsOf, shown, summaryOf } from './form';

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

describe('summaryOf', () => {
	it('names each field by its label and links to its input, a refusal without either', () => {
		expect(summaryOf({ form: 'Refused', street: 'Fill in this field.' }, { street: 'Street address' })).toEqual([
			{ field: 'form', message: 'Refused' },
			{ field: 'street', message: 'Fill in this field.', label: 'Street address', href: '#street' }
		]);
	});

	it("names a row of a list by its row's number, and links to that row's input", () => {
		const labels = { 'languages[].level': (n: number) => `Language ${n} – Level` };
		expect(summaryOf({ 'languages[1].level': 'Choose a level.' }, labels)).toEqual([
			{ field: 'languages[1].level', message: 'Choose a level.', label: 'Language 2 – Level', href: '#languages[1].level' }
		]);
	});

	it("puts the form's prefix before each id, and leaves out a question's mark", () => {
		expect(summaryOf({ furnished: 'Choose one.' }, { furnished: 'Furnished?' }, 'm')).toEqual([
			{ field: 'furnished', message: 'Choose one.', label: 'Furnished', href: '#m-furnished' }
		]);
	});

	it('links a field it has no label for with the message alone', () => {
		expect(summaryOf({ pair: 'Choose a pair.' })).toEqual([{ field: 'pair', message: 'Choose a pair.', label: undefined, href: '#pair' }]);
	});
});
