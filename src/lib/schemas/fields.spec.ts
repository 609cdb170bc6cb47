import { describe, expect, it } from 'vitest';
import { settingsSchema } from './settings';
import { registerSchema } from './register';
import { checkbox, displayName, optionalWholeNumber, wholeNumber } from './fields';

describe('shared form fields', () => {
	it('read whole numbers as people type them, and name the range when out of it', () => {
		expect(wholeNumber(0, 100000).parse('9 500')).toBe(9500);
		expect(wholeNumber(0, 20, 0).parse('')).toBe(0);
		expect(wholeNumber(1, 40).safeParse('-2').error?.issues[0].message).toBe('error_number_range:1:40');
		expect(wholeNumber(1, 40).safeParse('2,5').error?.issues[0].message).toBe('error_number');
		expect(optionalWholeNumber(0, 10).parse('  ')).toBeUndefined();
	});

	it('treat a present checkbox (or a CSV yes) as yes and anything else as no', () => {
		for (const yes of ['on', 'ja', 'yes', 'true', '1', true]) expect(checkbox.parse(yes)).toBe(true);
		for (const no of [undefined, '', 'nei', 'off']) expect(checkbox.parse(no)).toBe(false);
	});

	it('let the settings form leave a rent cap blank, as a browser sends it', () => {
		const result = settingsSchema.safeParse({ year: '2027', target: '180', cap_1: '9500', cap_2: '', cap_3: '' });
		expect(result.success).toBe(true);
		expect(result.data).toMatchObject({ year: 2027, target: 180, cap_1: 9500, cap_2: undefined });
	});

	it('keep a name on one line: no line breaks, tabs, separators or bidi overrides', () => {
		expect(displayName.parse('  Kari Nordmann ')).toBe('Kari Nordmann');
		expect(displayName.parse('Олена Коваленко')).toBe('Олена Коваленко');
		for (const name of ['Kari\nBcc: x@evil.example', 'Kari\rNordmann', 'Kari\tNordmann', 'Kari\u2028Nordmann', 'Kari \u202Enamdron'])
			expect(displayName.safeParse(name).error?.issues[0].message, JSON.stringify(name)).toBe('error_single_line');
		const registration = registerSchema.safeParse({
			role: 'volunteer',
			display_name: 'Ola\nNordmann',
			email: 'ola@example.no',
			password: 'x'.repeat(12)
		});
		expect(registration.success).toBe(false);
	});
});
