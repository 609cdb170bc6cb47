import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/server/files/households-csv';
import { cell, toCsv } from './csv';

describe('toCsv', () => {
	it('starts with a byte order mark and separates fields with semicolons and lines with CRLF', () => {
		const text = toCsv(['Månad', 'Personar'], [[1, 3]]);
		expect(text.startsWith('\uFEFFMånad;Personar\r\n1;3\r\n')).toBe(true);
	});

	it('quotes fields that hold separators, quotes or line breaks, and they read back the same', () => {
		const values = ['Sætre; skulekrins', 'ein "stor" bustad', 'to\nlinjer', ' mellomrom ', 'Vågøy'];
		const rows = parseCsv(toCsv(['a', 'b', 'c', 'd', 'e'], [values]));
		expect(rows[1]).toEqual(values);
	});

	it('writes decimals with a comma, booleans as words and nothing for missing values', () => {
		expect(cell(2.5)).toBe('2,5');
		expect(cell(true)).toBe('ja');
		expect(cell(false, 'yes', 'no')).toBe('no');
		expect(cell(null)).toBe('');
	});

	it('keeps Excel from reading a text as a formula', () => {
		expect(cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(cell('-5 Fjordvegen')).toBe("'-5 Fjordvegen");
	});
});
