// src/lib/server is split one way, by concern: db/ (one module per noun, all I/O), auth/,
// mail/, files/ (the formats: CSV, calendar, and the official address register, GTFS and
// boundary files) and matching/ (pure ranking, no I/O). This reads the real folder, so a new
// module in the wrong place, an I/O import in the engine, or a second `csv.ts` fails here
// rather than in a reader's head.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = import.meta.dirname;
const MATCHING = join(SERVER, 'matching');

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? files(path) : /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** every import of a module: its specifier, and whether it brings only types */
function imports(source: string): { spec: string; typeOnly: boolean }[] {
	return [...source.matchAll(/\bimport\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => ({
		spec: m[2] ?? m[3],
		typeOnly: Boolean(m[1])
	}));
}

const all = files(SERVER);

describe('src/lib/server layout', () => {
	it('reads the real folder', () => {
		expect(all.some((f) => f.endsWith('db/dwellings.ts'))).toBe(true);
		expect(files(MATCHING).length).toBeGreaterThan(5);
	});

	it('has its folders by concern only, no domain folders beside db/', () => {
		const folders = readdirSync(SERVER, { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
		expect(folders).toEqual(['auth', 'db', 'files', 'mail', 'matching']);
	});

	it('gives no two files the same name (index and + files aside)', () => {
		const byName = new Map<string, string[]>();
		for (const f of all) {
			const name = basename(f).replace(/\.(ts|svelte)$/, '');
			if (name === 'index' || name.startsWith('+')) continue;
			byName.set(name, [...(byName.get(name) ?? []), relative(SERVER, f)]);
		}
		expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([]);
	});

	it('keeps matching/ pure: it imports only itself, dates and types', () => {
		// anything else (db/, supabase-js, node:*, mail, config, log) would be I/O or lead to it
		const pure = new Set(['vitest', '$lib/dates']);
		const offending = files(MATCHING).flatMap((file) =>
			imports(readFileSync(file, 'utf8'))
				.filter(({ spec, typeOnly }) => {
					if (spec.startsWith('.')) return !resolve(dirname(file), spec).startsWith(MATCHING);
					if (spec === '$lib/database.types') return !typeOnly;
					return !pure.has(spec);
				})
				.map(({ spec }) => `${relative(SERVER, file)}: ${spec}`)
		);
		expect(offending).toEqual([]);
	});

	it('would catch an I/O import in matching/ (the check itself)', () => {
		const found = imports(
			"import { db } from '../db/client';\nimport type { X } from './types';\nimport { createClient } from '@supabase/supabase-js';"
		);
		expect(found).toEqual([
			{ spec: '../db/client', typeOnly: false },
			{ spec: './types', typeOnly: true },
			{ spec: '@supabase/supabase-js', typeOnly: false }
		]);
	});

	it('lets only db/ (and the health probe) reach the database client', () => {
		const outside = all
			.filter((f) => !f.startsWith(join(SERVER, 'db')) && !f.endsWith('.spec.ts'))
			.filter((f) => imports(readFileSync(f, 'utf8')).some(({ spec }) => spec.includes('supabase-js') || /db\/client$/.test(spec)))
			.map((f) => relative(SERVER, f));
		expect(outside.sort()).toEqual(['health.ts']);
	});
});
