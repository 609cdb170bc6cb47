import { describe, expect, it } from 'vitest';
import { validate } from '$lib/server/form';
import { reviewSchema } from './review';

const post = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

describe('reviewSchema', () => {
	it('refuses a review without a decision, rather than taking it as an approval', async () => {
		const form = await validate(reviewSchema, post({ message: '', staff_note: 'Sett' }));
		expect(form.valid).toBe(false);
		expect(form.errors).toHaveProperty('decision');
		expect(form.data).not.toHaveProperty('decision', 'approved');
	});

	it('takes the decision made', async () => {
		const form = await validate(reviewSchema, post({ decision: 'rejected', message: 'Manglar rømmingsveg' }));
		expect(form.valid).toBe(true);
		expect(form.data.decision).toBe('rejected');
	});
});
