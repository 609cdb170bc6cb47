// A list of choices that is a database enum has one home: the generated Constants of
// database.types.ts. A copy written out by hand drifts the day a migration adds a value,
// so this fails on any array literal in src/ that holds exactly an enum's values.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Constants } from './database.types';

const SRC = join(import.meta.dirname, '..');
const SKIP = new Set(['lib/paraglide', 'lib/database.types.ts']);
// lists that hold an enum's words by coincidence, not its values
const NOT_ENUMS = new Set([
	// the notice after a landlord answered a proposal (?accepted / ?declined)
	'routes/(landlord)/landlord/proposals/[id=uuid]/+page.server.ts: invitation_answer'
]);

function sources(dir: string, rel = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = rel ? `${rel}/${entry.name}` : entry.name;
		if (SKIP.has(path)) return [];
		if (entry.isDirectory()) return sources(join(dir, entry.name), path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [path] : [];
	});
}

/** the string arrays written out in a file, as sorted lists of their values */
function stringArrays(text: string): { values: string[]; at: string }[] {
	const found = [];
	for (const match of text.matchAll(/\[\s*((?:'[a-z_]+'\s*,\s*)+'[a-z_]+')\s*,?\s*\]/g)) {
		const values = [...match[1].matchAll(/'([a-z_]+)'/g)].map((v) => v[1]);
		found.push({ values: [...values].sort(), at: match[0].slice(0, 60) });
	}
	return found;
}

describe('the enum lists', () => {
	it('are not written out by hand anywhere in src/', () => {
		const enums = Object.entries(Constants.public.Enums).map(([name, values]) => ({ name, key: [...values].sort().join() }));
		const copies = sources(SRC).flatMap((file) =>
			stringArrays(readFileSync(join(SRC, file), 'utf8')).flatMap(({ values, at }) =>
				enums.filter((e) => e.key === values.join() && !NOT_ENUMS.has(`${file}: ${e.name}`)).map((e) => `${file}: ${e.name} as ${at}`)
			)
		);
		expect(copies).toEqual([]);
	});

	it('finds a copy when there is one', () => {
		const copy = stringArrays("const X = ['no', 'partly', 'fully'] as const;");
		expect(copy.map((c) => c.values.join())).toEqual([[...Constants.public.Enums.furnishing].sort().join()]);
	});
});
