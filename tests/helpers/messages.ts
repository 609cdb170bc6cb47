// The app's messages, read from messages/*.json, for tests that meet a page in a language
// they do not choose: a landlord's pages follow the language the landlord saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** a message in any of the four languages, as a RegExp alternation */
export const inAnyLanguage = (key: string) =>
	['nn', 'nb', 'en', 'uk']
		.map((l) => JSON.parse(readFileSync(join(import.meta.dirname, `../../messages/${l}.json`), 'utf8'))[key] as string)
		.map(escapeRegExp)
		.join('|');
