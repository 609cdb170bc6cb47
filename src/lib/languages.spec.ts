import { describe, expect, it } from 'vitest';
import { languageChoices, languageList, languageName, NYNORSK } from './languages';
import { locales } from './paraglide/runtime';
import { LANGUAGES } from './schemas/choices';

describe('languageName', () => {
	it('names Tigrinya and Dari in each language of the pages', () => {
		expect(['nn', 'nb', 'en', 'uk'].map((l) => languageName('ti', l as never))).toEqual(['tigrinja', 'tigrinja', 'Tigrinya', 'тигринья']);
		expect(['nn', 'nb', 'en', 'uk'].map((l) => languageName('prs', l as never))).toEqual(['dari', 'dari', 'Dari', 'дарі']);
		expect(languageName('uk', 'nn')).toBe('ukrainsk');
		expect(languageName('ar', 'uk')).toBe('арабська');
	});

	it('names every language on the list in every language of the pages, none by its code', () => {
		for (const locale of locales)
			for (const code of LANGUAGES) expect(languageName(code, locale).toLowerCase(), `${code} in ${locale}`).not.toBe(code);
	});

	it('has a Nynorsk name of its own for every code on the list (browsers have no Nynorsk names)', () => {
		expect(LANGUAGES.filter((code) => !NYNORSK[code])).toEqual([]);
		expect(languageName('se', 'nn')).toBe('nordsamisk');
	});

	it('tells the Kurdish languages apart in every language', () => {
		for (const locale of locales) expect(new Set(['ku', 'ckb', 'kmr'].map((c) => languageName(c, locale))).size).toBe(3);
	});

	it('shows a code it does not know as the code', () => {
		expect(languageName('xx', 'nn')).toBe('XX');
		expect(languageName('not a code', 'en')).toBe('NOT A CODE');
		// a name of Object's own is no language either (a crafted post)
		expect(languageName('constructor', 'nn')).toBe('CONSTRUCTOR');
		expect(languageName('valueOf', 'en')).toBe('VALUEOF');
	});
});

describe('languageList', () => {
	it('lists the names as a sentence writes them, with a capital when the list stands alone', () => {
		expect(languageList(['uk', 'ru'], 'nn')).toBe('ukrainsk, russisk');
		expect(languageList(['uk', 'ru'], 'nn', { alone: true })).toBe('Ukrainsk, russisk');
		expect(languageList(['ti', 'prs'], 'en')).toBe('Tigrinya, Dari');
		expect(languageList([], 'nb')).toBe('–');
	});
});

describe('languageChoices', () => {
	it("lists every language by its name in the page's language, sorted, with a stored code off the list kept", () => {
		const choices = languageChoices('nn', ['xx']);
		expect(choices.map((c) => c.code)).toEqual(expect.arrayContaining([...LANGUAGES, 'xx']));
		const names = choices.map((c) => c.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
		expect(choices.find((c) => c.code === 'ti')?.name).toBe('Tigrinja');
		expect(choices.find((c) => c.code === 'xx')?.name).toBe('XX');
	});
});
