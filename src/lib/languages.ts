// Language codes as people read them: each code's name in the page's language (Intl, so
// the names are in nn, nb, en and uk without catalogues of our own), sorted by that name.
import { LANGUAGES } from '$lib/schemas/choices';

export type LanguageChoice = { code: string; name: string };

export function languageChoices(locale: string, alsoCodes: string[] = []): LanguageChoice[] {
	const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
	const codes = [...new Set([...LANGUAGES, ...alsoCodes.filter(Boolean)])];
	return codes
		.map((code) => {
			let name = code;
			try {
				name = names.of(code) ?? code;
			} catch {
				// a stored code Intl does not know is shown as it is
			}
			return { code, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
		})
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}
