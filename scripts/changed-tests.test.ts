import { describe, expect, it } from 'vitest';
import { importsOf, resolveImport, routePathOf, touchedTests } from './changed-tests.ts';

const repo = new Map<string, string>([
	['src/lib/dates.ts', 'export const x = 1;'],
	['src/lib/server/mail/render.ts', "import { x } from '$lib/dates';\nexport const y = x;"],
	['src/lib/server/mail/index.ts', "export * from './render';"],
	['src/lib/unused.ts', 'export const z = 3;'],
	['tests/helpers/mail.ts', "import { y } from '../../src/lib/server/mail';\nexport const m = y;"],
	['tests/integration/mail.test.ts', "import { m } from '../helpers/mail';\nimport { it } from 'vitest';"],
	['tests/integration/dates.test.ts', "import { x } from '../../src/lib/dates.ts';"],
	['tests/integration/tasks.test.ts', "const res = await client.get('/staff/tasks');\nawait client.post(`/staff/tasks/${id}?/cancel`);"],
	['tests/integration/staff.test.ts', "await client.get('/staff');"],
	['tests/integration/helpers-free.test.ts', "import { it } from 'vitest';"]
]);

describe('the integration tests a change touches', () => {
	it('finds import specifiers of every form', () => {
		expect(
			importsOf("import a from './a';\nimport { b } from \"$lib/b\";\nexport * from './c';\nawait import('./d.ts');\nimport './e';")
		).toEqual(['./a', '$lib/b', './c', './d.ts', './e']);
	});

	it('resolves relative, $lib and folder imports to files, and leaves packages alone', () => {
		const files = new Set(repo.keys());
		expect(resolveImport('tests/helpers/mail.ts', '../../src/lib/server/mail', files)).toBe('src/lib/server/mail/index.ts');
		expect(resolveImport('src/lib/server/mail/render.ts', '$lib/dates', files)).toBe('src/lib/dates.ts');
		expect(resolveImport('tests/integration/dates.test.ts', '../../src/lib/dates.ts', files)).toBe('src/lib/dates.ts');
		expect(resolveImport('tests/integration/mail.test.ts', 'vitest', files)).toBeUndefined();
	});

	it('selects a test that imports a changed file through helpers and re-exports', () => {
		expect(touchedTests(['src/lib/dates.ts'], repo)).toEqual(['tests/integration/dates.test.ts', 'tests/integration/mail.test.ts']);
		expect(touchedTests(['src/lib/server/mail/render.ts'], repo)).toEqual(['tests/integration/mail.test.ts']);
	});

	it('selects a changed test file itself, and nothing for a file no test reaches', () => {
		expect(touchedTests(['tests/integration/helpers-free.test.ts'], repo)).toEqual(['tests/integration/helpers-free.test.ts']);
		expect(touchedTests(['src/lib/unused.ts', 'README.md'], repo)).toEqual([]);
	});

	it('maps a route file to the tests that request its path or one below it', () => {
		expect(routePathOf('src/routes/(staff)/staff/tasks/[id]/+page.server.ts')).toBe('/staff/tasks');
		expect(routePathOf('src/lib/dates.ts')).toBeUndefined();
		expect(touchedTests(['src/routes/(staff)/staff/tasks/+page.server.ts'], repo)).toEqual(['tests/integration/tasks.test.ts']);
		expect(touchedTests(['src/routes/(staff)/staff/+page.svelte'], repo)).toEqual([
			'tests/integration/staff.test.ts',
			'tests/integration/tasks.test.ts'
		]);
		// the root route would match every path
		expect(touchedTests(['src/routes/+layout.svelte'], repo)).toEqual([]);
	});
});
