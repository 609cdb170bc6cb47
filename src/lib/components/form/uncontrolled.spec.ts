// A prefilled field must give the stored value as its default (defaultValue, defaultChecked,
// an option's selected attribute, a bound textarea): a `value={…}` or `checked={…}` is written
// over whatever someone typed before the page's JavaScript arrived (tests/e2e/hydration.test.ts
// shows it on the main forms). This reads every component, so a new form cannot bring it back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../..');

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

// mails are rendered on the server only; nothing hydrates them
const files = svelteFiles(SRC).filter((f) => !f.includes('/lib/server/mail/'));

/** the opening tags of an element in a component's markup */
const tags = (source: string, name: string) => source.match(new RegExp(`<${name}\\b[^>]*?>`, 'gs')) ?? [];

describe('prefilled form fields', () => {
	it('are found in the components (the check reads real files)', () => {
		expect(files.length).toBeGreaterThan(40);
		expect(files.some((f) => f.endsWith('DwellingForm.svelte'))).toBe(true);
	});

	it('never set the current value or checkedness of an editable input', () => {
		const offending = files.flatMap((file) =>
			tags(readFileSync(file, 'utf8'), 'input')
				.filter((tag) => !/type="hidden"|readonly/.test(tag))
				.filter((tag) => /\schecked=\{/.test(tag) || (!/type="(checkbox|radio)"/.test(tag) && /\svalue=\{/.test(tag)))
				.map((tag) => `${file.slice(SRC.length)}: ${tag.replace(/\s+/g, ' ')}`)
		);
		expect(offending).toEqual([]);
	});

	it('never give a textarea its text as a child expression', () => {
		const offending = files.filter((file) => /<textarea\b[^>]*>\s*\{/.test(readFileSync(file, 'utf8')));
		expect(offending).toEqual([]);
	});
});
