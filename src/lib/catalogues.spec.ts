import { describe, expect, it } from 'vitest';
import { allGaps, gaps, projectLocales } from '../../scripts/i18n/catalogues.ts';

describe('message catalogues', () => {
	it('has all four languages, Nynorsk first', () => {
		expect(projectLocales()).toEqual({ baseLocale: 'nn', locales: ['nn', 'nb', 'en', 'uk'] });
	});

	it('translates every Nynorsk message into every other language, with the same placeholders', () => {
		const empty = { missing: [], extra: [], placeholders: [] };
		expect(allGaps()).toEqual({ nb: empty, en: empty, uk: empty });
	});

	it('finds a missing, an empty, an extra key and a changed placeholder', () => {
		const base = { a: 'Hei {name}', b: 'B', c: 'C', d: 'Til {when}' };
		const translation = { a: 'Hello {navn}', b: ' ', d: 'Until {when}', z: 'Z' };
		expect(gaps(base, translation)).toEqual({ missing: ['b', 'c'], extra: ['z'], placeholders: ['a'] });
	});
});
