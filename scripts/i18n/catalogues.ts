// The message catalogues (messages/<locale>.json) against the base one (Nynorsk): which keys a
// translation lacks or leaves empty, which it has that the base lacks, and where its
// placeholders ({name}) differ. Used by the unit test and by `npm run i18n:missing`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Catalogue = Record<string, unknown>;

export type Gaps = {
	/** keys of the base catalogue that are absent or empty here */
	missing: string[];
	/** keys here that the base catalogue does not have */
	extra: string[];
	/** keys whose placeholders differ from the base catalogue's */
	placeholders: string[];
};

const ROOT = join(import.meta.dirname, '..', '..');

/** the base locale and every locale, as project.inlang/settings.json lists them */
export function projectLocales(root = ROOT): { baseLocale: string; locales: string[] } {
	const settings = JSON.parse(readFileSync(join(root, 'project.inlang', 'settings.json'), 'utf8'));
	return { baseLocale: settings.baseLocale, locales: settings.locales };
}

export function readCatalogue(locale: string, root = ROOT): Catalogue {
	const catalogue = JSON.parse(readFileSync(join(root, 'messages', `${locale}.json`), 'utf8'));
	delete catalogue.$schema;
	return catalogue;
}

// a message is a text, or (for plurals) a list of variant sets: [{ declarations, selectors,
// match: { 'countPlural=one': text, … } }], as the inlang message format writes them
type Variants = { match?: Record<string, unknown> }[];

/** every text of a message: the text itself, or each of its variants */
export function textsOf(message: unknown): string[] {
	if (typeof message === 'string') return [message];
	if (!Array.isArray(message)) return [];
	return (message as Variants).flatMap((set) => Object.values(set?.match ?? {})).filter((t): t is string => typeof t === 'string');
}

/** the names inside {…} in a message (in any of its variants), sorted and without repeats */
export function placeholdersOf(message: unknown): string[] {
	const names = textsOf(message).flatMap((text) => [...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)].map((m) => m[1]));
	return [...new Set(names)].sort();
}

const isEmpty = (message: unknown) => {
	const texts = textsOf(message);
	return texts.length === 0 || texts.some((text) => text.trim() === '');
};

export function gaps(base: Catalogue, translation: Catalogue): Gaps {
	const missing = Object.keys(base).filter((key) => !Object.hasOwn(translation, key) || isEmpty(translation[key]));
	const extra = Object.keys(translation).filter((key) => !Object.hasOwn(base, key));
	const placeholders = Object.keys(base).filter(
		(key) =>
			Object.hasOwn(translation, key) &&
			!isEmpty(translation[key]) &&
			placeholdersOf(base[key]).join() !== placeholdersOf(translation[key]).join()
	);
	return { missing, extra, placeholders };
}

/** every translation's gaps against the base catalogue, by locale */
export function allGaps(root = ROOT): Record<string, Gaps> {
	const { baseLocale, locales } = projectLocales(root);
	const base = readCatalogue(baseLocale, root);
	return Object.fromEntries(locales.filter((l) => l !== baseLocale).map((l) => [l, gaps(base, readCatalogue(l, root))]));
}
