// In production (NODE_ENV=production) the server refuses to start with a secret that is
// public knowledge: a service-role key signed with the local stack's JWT secret (the
// well-known one every local Supabase project uses, so anyone can forge such keys), or an
// APP_SECRET that is a placeholder or too plain to be random; or with the demo's mailbox
// page switched on (DEV_MAILBOX=1). Locally these are fine.
import { createHmac, timingSafeEqual } from 'node:crypto';

// the JWT secret of every local Supabase project (scripts/stack/index.ts uses it too)
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** was this HS256 JWT signed with the local, public secret? */
export function signedWithLocalSecret(jwt: string): boolean {
	const [header, body, signature] = jwt.split('.');
	if (!header || !body || !signature) return false;
	const expected = createHmac('sha256', LOCAL_JWT_SECRET).update(`${header}.${body}`).digest();
	const given = Buffer.from(signature, 'base64url');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

// words of the placeholders people paste from examples
const PLACEHOLDER = /change.?me|example|placeholder|replace|your.?secret|secret.?here|default/i;

/** is this APP_SECRET fit for production? (length is checked by the schema) */
export function weakAppSecret(secret: string): boolean {
	// random base64 or hex has many different characters; a typed phrase or 'aaaa…' has few
	return PLACEHOLDER.test(secret) || new Set(secret).size < 12 || secret === LOCAL_JWT_SECRET;
}

/** what stops a production start, or null */
export function productionProblem(env: { SUPABASE_SERVICE_ROLE_KEY: string; APP_SECRET: string; DEV_MAILBOX?: string }): string | null {
	if (signedWithLocalSecret(env.SUPABASE_SERVICE_ROLE_KEY))
		return "SUPABASE_SERVICE_ROLE_KEY is a local development key (signed with the public local JWT secret); use the hosted project's service_role key in production";
	if (weakAppSecret(env.APP_SECRET))
		return 'APP_SECRET is a placeholder or not random; make one with `openssl rand -base64 32` for production';
	// /dev/mail shows every mail the app sent, reset and invitation links included, to anyone
	if (env.DEV_MAILBOX === '1') return 'DEV_MAILBOX=1 shows every mail the app sends to anyone at /dev/mail; never set it in production';
	return null;
}
