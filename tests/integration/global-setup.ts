// When the integration tests run alone (`npx vitest run --project integration`), start a
// throwaway stack for them; under `npm test` the stack is already there and is reused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startStack } from '../../scripts/stack/index.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		stackEnv: Record<string, string>;
	}
}

/** a throwaway stack for one Vitest project, its settings provided to the tests */
export async function throwawayStack(project: TestProject, prefix: string) {
	const dir = mkdtempSync(join(tmpdir(), prefix));
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

export default async function setup(project: TestProject) {
	if (process.env.SUPABASE_URL && process.env.POSTGREST_DB_URI) {
		const keys = Object.keys(process.env).filter((k) => /^(SUPABASE|SMTP|MAILBOX|DATABASE|POSTGREST|APP|STORAGE)_|^ORIGIN$/.test(k));
		project.provide('stackEnv', Object.fromEntries(keys.map((k) => [k, process.env[k]!])));
		return;
	}
	return throwawayStack(project, 'busett-it-');
}
