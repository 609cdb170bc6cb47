import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, passwordProblem } from './password-policy';

const kari = { email: 'kari.nordmann@example.no', displayName: 'Kari Nordmann' };
const problem = (password: string, owner = kari) => passwordProblem(password, owner);

describe('password policy', () => {
	it('wants at least 10 characters and accepts long passphrases', () => {
		expect(problem('kort-ord9')).toBe('too_short');
		expect(problem('fjordvik-haust')).toBeNull();
		expect(problem('ein lang nok setning')).toBeNull();
		expect(problem('a'.repeat(64) + ' lang nok setning')).toBeNull();
		expect(problem('a'.repeat(257))).toBe('too_long');
	});

	it('refuses the passwords of the maintained list, in any case', () => {
		// all of these are in @zxcvbn-ts/language-common's list, none in the old hand-typed one
		for (const password of ['basketball', 'manchester', 'q1w2e3r4t5', '1qaz2wsx3edc', 'terminator', 'qazwsxedcrfv'])
			expect(problem(password), password).toBe('too_common');
		expect(problem('PassWord123')).toBe('too_common');
		expect(problem('1234567890')).toBe('too_common');
	});

	it('refuses a common word with digits or signs around it', () => {
		expect(problem('Passord123')).toBe('too_common');
		expect(problem('sommer2026!')).toBe('too_common');
		expect(problem('!!dragon1234')).toBe('too_common');
		expect(problem('busett2026')).toBe('too_common');
	});

	it('refuses the demo’s password, which is public', () => {
		expect(problem(DEMO_PASSWORD)).toBe('too_common');
		expect(problem('Busett-Demo-2026')).toBe('too_common');
	});

	it('refuses the person’s own address, its local part and their name inside the password', () => {
		expect(problem('kari.nordmann@example.no')).toBe('personal');
		expect(problem('mitt kari.nordmann passord')).toBe('personal');
		expect(problem('KariNordmann!!77')).toBe('personal');
		expect(problem('kari nordmann sitt passord')).toBe('personal');
		// a short local part or name is not held against a long password
		expect(problem('oladunk er ein fin stad', { email: 'ola@example.no', displayName: 'Ola' })).toBeNull();
	});
});
