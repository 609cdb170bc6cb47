// Signs the HS256 keys supabase-js presents to PostgREST, the way a Supabase project's
// anon and service-role keys are made: {role, iss: "supabase", iat, exp}.
import { createHmac } from 'node:crypto';

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

export function signJwt(payload: Record<string, unknown>, secret: string): string {
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const body = base64url(JSON.stringify(payload));
	const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
	return `${header}.${body}.${signature}`;
}

export function apiKey(role: 'anon' | 'service_role', secret: string): string {
	const iat = Math.floor(Date.now() / 1000);
	// ten years, like the keys of a local Supabase project
	return signJwt({ role, iss: 'supabase', iat, exp: iat + 10 * 365 * 24 * 3600 }, secret);
}
