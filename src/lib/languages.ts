// Language codes as people read them: each code's name in the page's language. The names
// are CLDR's (Intl.DisplayNames) where the server (Node) and the browser (Chromium) both
// know them alike, and a table of our own where they do not:
// - Nynorsk as a whole: Node has CLDR's nn, but Chromium ships no nn data and names every
//   language in English, so a page would change its words as it hydrates;
// - Northern Sami (se), which Chromium does not name in any language;
// - the Kurdish languages, which CLDR names alike ("kurdisk" for both ku and kmr).
// The codes are what is stored (households, tasks, volunteers); the names are only shown.
import type { Locale } from '$lib/paraglide/runtime';
import { intlLocale } from '$lib/dates';
import { LANGUAGES } from '$lib/schemas/choices';

export type LanguageChoice = { code: string; name: string };

/** Nynorsk names of every code on the list (and of the few in the list's neighbourhood) */
export const NYNORSK: Readonly<Record<string, string>> = {
	nb: 'norsk bokmål',
	nn: 'norsk nynorsk',
	se: 'nordsamisk',
	en: 'engelsk',
	uk: 'ukrainsk',
	ru: 'russisk',
	ar: 'arabisk',
	fa: 'persisk',
	prs: 'dari',
	ps: 'pashto',
	ti: 'tigrinja',
	am: 'amharisk',
	om: 'oromo',
	so: 'somali',
	ku: 'kurdisk',
	ckb: 'sorani (sentralkurdisk)',
	kmr: 'kurmanji (nordkurdisk)',
	tr: 'tyrkisk',
	ur: 'urdu',
	sw: 'swahili',
	fr: 'fransk',
	es: 'spansk',
	pt: 'portugisisk',
	de: 'tysk',
	pl: 'polsk',
	lt: 'litauisk',
	sq: 'albansk',
	bs: 'bosnisk',
	hr: 'kroatisk',
	sr: 'serbisk',
	ro: 'rumensk',
	ln: 'lingala',
	rw: 'kinyarwanda',
	my: 'burmesisk',
	vi: 'vietnamesisk',
	th: 'thai',
	zh: 'kinesisk',
	sv: 'svensk',
	da: 'dansk'
};

/** where CLDR or Chromium falls short in the other languages */
const OWN: Record<Exclude<Locale, 'nn'>, Record<string, string>> = {
	nb: { se: 'nordsamisk', ckb: 'sorani (sentralkurdisk)', kmr: 'kurmanji (nordkurdisk)' },
	en: { se: 'Northern Sami', ckb: 'Sorani (Central Kurdish)', kmr: 'Kurmanji (Northern Kurdish)' },
	uk: { se: 'північносаамська', ckb: 'сорані (центральнокурдська)', kmr: 'курманджі (північнокурдська)' }
};

const displayNames = new Map<string, Intl.DisplayNames>();
function cldr(code: string, tag: string): string | undefined {
	let names = displayNames.get(tag);
	if (!names) displayNames.set(tag, (names = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' })));
	try {
		const name = names.of(code);
		return name && name.toLowerCase() !== code.toLowerCase() ? name : undefined;
	} catch {
		// not a code Intl can read (a stored value from before the list): shown as it is
		return undefined;
	}
}

/**
 * a language's name as running text writes it ("tigrinja", "Tigrinya", "тигринья"); a code
 * nobody knows as the code, in capitals
 */
export function languageName(code: string, locale: Locale): string {
	// own keys only: a posted "constructor" or "valueOf" is a code nobody knows, not Object's
	const table = locale === 'nn' ? NYNORSK : OWN[locale];
	const own = Object.hasOwn(table, code) ? table[code] : undefined;
	// a Nynorsk page names a code outside its table as Bokmål does, in server and browser alike
	return own ?? cldr(code, intlLocale[locale]) ?? code.toUpperCase();
}

const capitalised = (text: string, locale: Locale) => text.charAt(0).toLocaleUpperCase(intlLocale[locale]) + text.slice(1);

/**
 * codes as a list to read, as running text writes it ("ukrainsk, russisk"), or with a
 * capital when it stands on its own, as in a table's cell ("Ukrainsk, russisk"); "–" for none
 */
export function languageList(codes: readonly string[], locale: Locale, options: { alone?: boolean } = {}): string {
	const names = codes.filter(Boolean).map((code) => languageName(code, locale));
	if (!names.length) return '–';
	return options.alone ? capitalised(names.join(', '), locale) : names.join(', ');
}

/** the list to choose from, sorted by name in the page's language; `alsoCodes`: codes stored before the list had them, kept as choices */
export function languageChoices(locale: Locale, alsoCodes: readonly string[] = []): LanguageChoice[] {
	const codes = [...new Set([...LANGUAGES, ...alsoCodes.filter(Boolean)])];
	return codes
		.map((code) => ({ code, name: capitalised(languageName(code, locale), locale) }))
		.sort((a, b) => a.name.localeCompare(b.name, intlLocale[locale]));
}
