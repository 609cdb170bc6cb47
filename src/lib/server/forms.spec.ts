import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readForm } from './forms';

const schema = z.object({ title: z.string().min(1), note: z.string().optional() });
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

describe('readForm', () => {
	it('reads a valid form into typed data', () => {
		const result = readForm(schema, form({ title: 'Hus', note: 'linje 1\nlinje 2\tmed tab' }));
		expect(result).toEqual({ ok: true, data: { title: 'Hus', note: 'linje 1\nlinje 2\tmed tab' } });
	});

	it('refuses control characters in any field, naming the field and keeping what was typed', () => {
		const result = readForm(schema, form({ title: 'Hus', note: 'bell\u0007', password: 'x\u0000' }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['note', 'password']);
		expect(result.values).toEqual({ title: 'Hus', note: 'bell\u0007' });
	});

	it('refuses bidi overrides and isolates, which make a text read otherwise than it is', () => {
		for (const sneaky of ['Kari \u202Eragielt\u202C', 'a\u2066b\u2069', 'c1\u0085'])
			expect(readForm(schema, form({ title: sneaky })).ok, JSON.stringify(sneaky)).toBe(false);
	});
});
