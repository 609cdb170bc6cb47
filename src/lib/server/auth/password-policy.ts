// What a new password must not be (NIST SP 800-63B, 5.1.1.2): shorter than 10 characters,
// one of the passwords people choose most (the maintained list of @zxcvbn-ts/language-
// common, about 49,000 from public breaches), one of those with digits or signs added
// before or after, a word of this service, the person's own address or name, or the demo's
// password. The demo's accounts get that password from supabase/seed.sql, never through a
// form, so no form anywhere accepts it: a real installation cannot end up with it.
// Server only: the list is 380 kB and stays out of the browser ($lib/server).
import { dictionary } from '@zxcvbn-ts/language-common';
import { m } from '$lib/paraglide/messages';
import { lengthProblem, type LengthProblem } from '$lib/password-policy';

export const DEMO_PASSWORD = 'busett-demo-2026';

// words of this service and this country's own favourites the list lacks
const CONTEXT = ['busett', 'fjordvik', 'kommune', 'flyktning', 'flyktningtenesta', 'velkommen', 'velkomen', 'hemmeleg', 'passordet'];

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set([...dictionary['passwords-common'], ...CONTEXT]));

export type PasswordProblem = LengthProblem | 'too_common' | 'personal';

/** the person the password is for: their address and name must not be in it */
export type PasswordOwner = { email: string; displayName: string };

const normalise = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, '');

export function passwordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
	const length = lengthProblem(password);
	if (length) return length;
	const lower = password.toLowerCase();
	if (lower === DEMO_PASSWORD) return 'too_common';
	const list = commonPasswords();
	// "sommer2026", "!!password1": a common word with digits or signs around it
	const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
	if (list.has(lower) || list.has(core)) return 'too_common';

	const squeezed = normalise(password);
	const email = owner.email.toLowerCase();
	const local = email.split('@')[0];
	const name = normalise(owner.displayName);
	if (squeezed.includes(normalise(email))) return 'personal';
	if (local.length >= 4 && squeezed.includes(normalise(local))) return 'personal';
	if (name.length >= 4 && squeezed.includes(name)) return 'personal';
	return null;
}

/** the message next to the password field, in the reader's language */
export function passwordMessage(problem: PasswordProblem): string {
	return {
		too_short: m.error_password_too_short,
		too_long: m.error_password_too_long,
		too_common: m.error_password_too_common,
		personal: m.error_password_personal
	}[problem]();
}
