import { describe, expect, it } from 'vitest';
import { validate } from '$lib/server/form';
import { registerSchema } from './register';

const post = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

// a radio group nobody ticked sends nothing; superforms would fill in its first choice
describe('registerSchema', () => {
	it('refuses a registration without a role, rather than making a landlord of it', async () => {
		const form = await validate(
			registerSchema,
			post({ display_name: 'Ola', email: 'ola@example.no', password: 'korrekt-hest-batteri-stift' })
		);
		expect(form.valid).toBe(false);
		expect(form.errors).toHaveProperty('role');
		expect(form.data.role).not.toBe('landlord');
	});

	it('takes the role chosen', async () => {
		const form = await validate(
			registerSchema,
			post({ role: 'volunteer', display_name: 'Ola', email: 'ola@example.no', password: 'korrekt-hest-batteri-stift' })
		);
		expect([form.valid, form.data.role]).toEqual([true, 'volunteer']);
	});
});
