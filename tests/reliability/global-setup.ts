// The reliability suite always runs on a stack of its own: it fuzzes every form action,
// kills and restarts parts of the stack, and must not disturb the other suites' data.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startStack } from '../../scripts/stack/index.ts';

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'busett-rel-'));
	chmodSync(dir, 0o755);
	const [api, db, postgrest, smtp, mailbox] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
	const stack = await startStack({ dataDir: dir, ports: { api, db, postgrest, smtp, mailbox }, fast: true, log: () => {} });
	project.provide('stackEnv', {
		...stack.env,
		ORIGIN: 'http://localhost:5173',
		POSTGREST_DB_URI: stack.postgrestOptions.dbUrl,
		POSTGREST_JWT_SECRET: stack.postgrestOptions.jwtSecret
	});
	return async () => {
		await stack.stop();
		rmSync(dir, { recursive: true, force: true });
	};
}
