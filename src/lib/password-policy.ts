// The password rules, shared by the forms' schemas and the server: at least 10
// characters, not one of the passwords everybody tries first, and no maximum below 64.
export const MIN_LENGTH = 10;
export const MAX_LENGTH = 256;

// the most common passwords of 10 or more characters in public breach lists, and
// Norwegian favourites; shorter ones fail the length rule anyway
const COMMON = new Set([
	'1234567890',
	'12345678910',
	'123456789a',
	'0123456789',
	'1111111111',
	'0000000000',
	'1q2w3e4r5t',
	'qwertyuiop',
	'qwerty1234',
	'qwerty12345',
	'password12',
	'password123',
	'password1234',
	'passw0rd123',
	'iloveyou12',
	'abcdefghij',
	'abc1234567',
	'asdfghjkl1',
	'zxcvbnm123',
	'football123',
	'princess12',
	'sunshine12',
	'superman12',
	'welcome123',
	'letmein123',
	'administrator',
	'changeme123',
	'qwertyuiop1',
	'passord123',
	'passord1234',
	'sommer2024',
	'sommer2025',
	'sommer2026',
	'vinter2025',
	'vinter2026',
	'hoest2025',
	'haust2025',
	'varen2026',
	'norge12345',
	'bergen1234',
	'passordet1',
	'hemmelig12',
	'hemmeleg12',
	'velkommen1',
	'velkommen123',
	'velkomen123',
	'busett1234',
	'busett2026',
	'kommune123',
	'flyktning1',
	'password!1',
	'qwerty123!',
	'abcd123456',
	'1234qwerasdf',
	'123qweasdzxc'
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function passwordProblem(password: string): PasswordProblem | null {
	if (password.length < MIN_LENGTH) return 'too_short';
	if (password.length > MAX_LENGTH) return 'too_long';
	if (COMMON.has(password.toLowerCase())) return 'too_common';
	return null;
}
