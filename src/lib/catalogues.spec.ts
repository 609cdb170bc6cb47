import { describe, expect, it } from 'vitest';
import { allGaps, gaps, placeholdersOf, projectLocales } from '../../scripts/i18n/catalogues.ts';
import * as m from '$lib/paraglide/messages';

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

	it('reads the placeholders of a plural message from all its variants, and finds an empty variant', () => {
		const plural = [{ selectors: ['nPlural'], match: { 'nPlural=one': '{n} time', 'nPlural=*': '{n} timar for {title}' } }];
		expect(placeholdersOf(plural)).toEqual(['n', 'title']);
		const emptyVariant = [{ match: { 'nPlural=one': ' ', 'nPlural=*': '{n} timar' } }];
		expect(gaps({ a: plural }, { a: emptyVariant }).missing).toEqual(['a']);
	});
});

describe('counted messages', () => {
	it('say one person, one hour, one home in the singular and more in the plural', () => {
		expect(m.settings_cap_for({ persons: 1 }, { locale: 'nn' })).toBe('1 person (kr)');
		expect(m.settings_cap_for({ persons: 4 }, { locale: 'nn' })).toBe('4 personar (kr)');
		expect(m.tchg_hours({ hours: 1 }, { locale: 'nb' })).toBe('1 time');
		expect(m.tchg_hours({ hours: '1,5' }, { locale: 'nb' })).toBe('1,5 timer');
		expect(m.staff_dwellings_count({ count: 1 }, { locale: 'en' })).toBe('1 home');
		expect(m.staff_dwellings_count({ count: '1 200' }, { locale: 'en' })).toBe('1 200 homes');
		expect(m.taskinv_reason_recent({ count: 1 }, { locale: 'nn' })).toBe('Spurd 1 gong dei siste 30 dagane');
	});
});
