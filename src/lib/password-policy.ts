// The length rules of a password, small enough for any page. What the server also refuses
// — common passwords, the person's own address or name, the demo's password — is in
// $lib/server/auth/password-policy.ts, which keeps its long list out of the browser.
export const MIN_LENGTH = 10;
export const MAX_LENGTH = 256;

export type LengthProblem = 'too_short' | 'too_long';

export function lengthProblem(password: string): LengthProblem | null {
	if (password.length < MIN_LENGTH) return 'too_short';
	if (password.length > MAX_LENGTH) return 'too_long';
	return null;
}
