// The generated Database type, made the way `supabase gen types typescript` makes it
// (that command runs @supabase/postgres-meta, which works here without Docker).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TYPES_FILE = fileURLToPath(new URL('../../src/lib/database.types.ts', import.meta.url));
const SERVER = fileURLToPath(new URL('../../node_modules/@supabase/postgres-meta/dist/server/server.js', import.meta.url));

export function generateTypes(dbUrl: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [SERVER], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				PATH: process.env.PATH,
				PG_META_DB_URL: dbUrl,
				PG_META_GENERATE_TYPES: 'typescript',
				PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
				PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true'
			}
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 && out.includes('export type Database')
				? resolve(out.trimEnd() + '\n')
				: reject(new Error(`type generation failed (exit ${code}): ${err.trim().slice(0, 500)}`))
		);
	});
}
