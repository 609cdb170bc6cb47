import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zod4 } from 'sveltekit-superforms/adapters';
import { nest, pathOf, refuse, validate } from './form';

const post = (fields: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of fields) data.append(k, v);
	return data;
};

const schema = z.object({
	title: z.string().min(1, 'error_required'),
	note: z.string().optional(),
	shared: z.boolean(),
	skills: z.array(z.enum(['cooking', 'driving'])),
	availability: z.object({ mon: z.array(z.string()), tue: z.array(z.string()) }),
	languages: z.array(z.object({ language: z.string(), level: z.string().min(1, 'error_language_level'), interpreting: z.boolean() }))
});
const json = zod4(schema).jsonSchema as Parameters<typeof nest>[1];

describe('pathOf', () => {
	it('reads indexed and dotted names', () => {
		expect(pathOf('languages[0].level')).toEqual(['languages', 0, 'level']);
		expect(pathOf('availability.mon')).toEqual(['availability', 'mon']);
		expect(pathOf('title')).toEqual(['title']);
		expect(pathOf('rows[12]')).toEqual(['rows', 12]);
	});
});

describe('nest', () => {
	it('makes repeated names, indexed rows and checkboxes into the shape the schema describes', () => {
		const values = nest(
			post([
				['title', 'Hus'],
				['skills', 'cooking'],
				['skills', 'driving'],
				['availability.mon', 'morning'],
				['availability.mon', 'evening'],
				['languages[1].language', 'uk'],
				['languages[1].level', 'fluent'],
				['languages[1].interpreting', 'on'],
				['languages[0].language', 'nb'],
				['languages[0].level', 'native']
			]),
			json
		);
		expect(values).toEqual({
			title: 'Hus',
			shared: false,
			skills: ['cooking', 'driving'],
			availability: { mon: ['morning', 'evening'], tue: [] },
			languages: [
				{ language: 'nb', level: 'native', interpreting: false },
				{ language: 'uk', level: 'fluent', interpreting: true }
			]
		});
	});

	it('gives an empty list for a group with nothing ticked, and a list of one for one ticked', () => {
		expect(nest(post([['skills', 'cooking']]), json).skills).toEqual(['cooking']);
		expect(nest(post([]), json).skills).toEqual([]);
		expect(nest(post([]), json).languages).toEqual([]);
	});

	it('leaves out gaps in the row numbers, keeping the order', () => {
		const values = nest(
			post([
				['languages[3].language', 'se'],
				['languages[0].language', 'nb']
			]),
			json
		);
		expect((values.languages as { language: string }[]).map((l) => l.language)).toEqual(['nb', 'se']);
	});

	it('leaves out names that would reach an object prototype', () => {
		const values = nest(
			post([
				['__proto__.polluted', 'yes'],
				['languages[0].constructor', 'x'],
				['title', 'Hus']
			]),
			json
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(values.title).toBe('Hus');
		expect(values.languages).toEqual([]);
	});

	it('takes the first of a single field posted twice', () => {
		expect(
			nest(
				post([
					['title', 'a'],
					['title', 'b']
				]),
				json
			).title
		).toBe('a');
	});
});

describe('validate', () => {
	it('reads a valid form into typed data', async () => {
		const form = await validate(
			schema,
			post([
				['title', 'Hus'],
				['skills', 'cooking'],
				['shared', 'on']
			])
		);
		expect(form.valid).toBe(true);
		expect(form.data).toMatchObject({ title: 'Hus', shared: true, skills: ['cooking'] });
	});

	it('names the failing field of a row by its path, and keeps what was typed', async () => {
		const form = await validate(
			schema,
			post([
				['title', 'Hus'],
				['languages[0].language', 'nb'],
				['languages[0].level', '']
			])
		);
		expect(form.valid).toBe(false);
		expect((form.errors as { languages?: Record<number, { level?: string[] }> }).languages?.[0]?.level?.[0]).toBe(
			'Vel nivå for kvart språk du har skrive.'
		);
		expect(form.data.languages).toEqual([{ language: 'nb', level: '', interpreting: false }]);
	});

	it('refuses control characters in any field, naming the field and leaving passwords out', async () => {
		const withPassword = schema.extend({ password: z.string() });
		const form = await validate(
			withPassword,
			post([
				['title', 'Hus'],
				['note', 'bell\u0007'],
				['password', 'x\u0000']
			])
		);
		expect(form.valid).toBe(false);
		expect(Object.keys(form.errors).sort()).toEqual(['note', 'password']);
		expect(form.data).toMatchObject({ title: 'Hus', note: 'bell\u0007', password: '' });
	});

	it('refuses bidi overrides and isolates, which make a text read otherwise than it is', async () => {
		for (const sneaky of ['Kari \u202Eragielt\u202C', 'a\u2066b\u2069', 'c1\u0085'])
			expect((await validate(schema, post([['title', sneaky]]))).errors.title, JSON.stringify(sneaky)).toBeTruthy();
	});

	it('answers a refusal with the same form, its message set and the status given', async () => {
		const form = await validate(schema, post([['title', 'Hus']]));
		const answer = refuse(form, 'no', 409);
		expect(answer.status).toBe(409);
		expect(answer.data.form).toMatchObject({ valid: false, message: 'no', data: { title: 'Hus' } });
	});
});
