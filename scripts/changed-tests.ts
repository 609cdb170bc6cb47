// Which integration test files a change touches, for `npm run test:fast`: the test files that
// changed, and those that import a changed file, directly or through other files (helpers,
// src/lib modules), following relative imports and `$lib/`. A changed route file
// (src/routes/…) is not imported by tests, which reach it over HTTP: the test files that name
// its path (e.g. '/staff/tasks') count as touching it. Pure functions here; the git and file
// reading is in test-fast.ts.
import { dirname, join, normalize } from 'node:path';

export const INTEGRATION_DIR = 'tests/integration/';

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** the module specifiers a source file imports */
export function importsOf(source: string): string[] {
	return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** the repository path an import resolves to, among the known files; undefined for packages */
export function resolveImport(from: string, specifier: string, files: Set<string>): string | undefined {
	let base: string;
	if (specifier.startsWith('$lib/')) base = join('src/lib', specifier.slice(5));
	else if (specifier.startsWith('.')) base = join(dirname(from), specifier);
	else return undefined;
	base = normalize(base);
	const bare = base.replace(/\.js$/, '');
	const candidates = [base, `${bare}.ts`, `${bare}.js`, `${base}.svelte.ts`, join(base, 'index.ts'), join(base, 'index.js')];
	return candidates.find((c) => files.has(c));
}

/** the URL path of a route file's folder, up to its first parameter: src/routes/(staff)/staff/tasks/[id]/+page.server.ts → /staff/tasks */
export function routePathOf(file: string): string | undefined {
	if (!file.startsWith('src/routes/')) return undefined;
	const segments: string[] = [];
	for (const part of dirname(file).split('/').slice(2)) {
		if (part.startsWith('[')) break;
		if (part.startsWith('(') && part.endsWith(')')) continue;
		segments.push(part);
	}
	return '/' + segments.join('/');
}

/**
 * The integration test files touched by the changed files. `sources` maps every repository
 * file that may be in an import chain (tests, helpers, src, scripts) to its text.
 */
export function touchedTests(changed: string[], sources: Map<string, string>): string[] {
	const files = new Set(sources.keys());
	const tests = [...files].filter((f) => f.startsWith(INTEGRATION_DIR) && f.endsWith('.test.ts'));
	const changedSet = new Set(changed);
	const deps = new Map<string, string[]>();
	const depsOf = (file: string) => {
		let found = deps.get(file);
		if (!found) {
			found = importsOf(sources.get(file) ?? '')
				.map((s) => resolveImport(file, s, files))
				.filter((f): f is string => f !== undefined);
			deps.set(file, found);
		}
		return found;
	};
	const reaches = (test: string) => {
		const seen = new Set<string>();
		const todo = [test];
		while (todo.length) {
			const file = todo.pop()!;
			if (seen.has(file)) continue;
			seen.add(file);
			if (changedSet.has(file)) return true;
			todo.push(...depsOf(file));
		}
		return false;
	};
	// a route's own path, quoted or as the start of a template string; "/" alone would match every test
	const routePaths = changed
		.map(routePathOf)
		.filter((p): p is string => p !== undefined && p !== '/')
		.map((p) => new RegExp(`['"\`]${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=['"\`/?$])`));
	return tests.filter((t) => reaches(t) || routePaths.some((p) => p.test(sources.get(t) ?? ''))).sort();
}
