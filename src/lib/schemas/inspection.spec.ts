import { describe, expect, it } from 'vitest';
import { validate } from '$lib/server/form';
import { findingsOf, INSPECTION_ITEMS, inspectionSchema, inspectionSettingSchema } from './inspection';

const post = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};
const allOk = () => ({
	inspected_on: '2027-01-12',
	...Object.fromEntries(INSPECTION_ITEMS.map((item) => [`item_${item}`, 'ok']))
});

describe('inspectionSchema', () => {
	it('takes every item’s finding and gives them in the order of the checklist', async () => {
		const form = await validate(inspectionSchema, post({ ...allOk(), item_damp: 'failed', note_damp: 'Mugg på badet' }));
		expect(form.valid).toBe(true);
		const findings = findingsOf(form.data);
		expect(findings.map((f) => f.item)).toEqual([...INSPECTION_ITEMS]);
		expect(findings.find((f) => f.item === 'damp')).toEqual({ item: 'damp', result: 'failed', note: 'Mugg på badet' });
	});

	it('never takes an item left unanswered as in order (a radio group nobody chose sends nothing)', async () => {
		const fields: Record<string, string> = allOk();
		delete fields.item_heating;
		const form = await validate(inspectionSchema, post(fields));
		expect(form.valid).toBe(false);
		expect(form.errors).toHaveProperty('item_heating');
	});

	it('asks what to mend for a failed item', async () => {
		const form = await validate(inspectionSchema, post({ ...allOk(), item_electrical: 'failed' }));
		expect(form.valid).toBe(false);
		expect(form.errors).toHaveProperty('note_electrical');
	});
});

describe('inspectionSettingSchema', () => {
	it('changes nothing on an empty post: yes or no must be chosen', async () => {
		expect((await validate(inspectionSettingSchema, post({}))).valid).toBe(false);
		expect((await validate(inspectionSettingSchema, post({ approval_needs_inspection: 'no' }))).data.approval_needs_inspection).toBe('no');
	});
});
