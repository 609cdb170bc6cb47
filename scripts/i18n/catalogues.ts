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

/** the names inside {…} in a message, sorted and without repeats */
export function placeholdersOf(message: unknown): string[] {
	if (typeof message !== 'string') return [];
	return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)].map((m) => m[1]))].sort();
}

const isEmpty = (message: unknown) => typeof message !== 'string' || message.trim() === '';

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
