// A stored dwelling as the offer form's values (the strings a form holds).
import { TERMS } from '$lib/dwelling-terms';

// the terms of the offer (dwelling-terms.ts) and the landlord's own words about it
const FIELDS = [...TERMS, 'description'] as const;

export function toFormValues(row: Record<string, unknown>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of FIELDS) {
		const value = row[field];
		if (value === null || value === undefined || value === false) continue;
		values[field] = value === true ? 'on' : String(value);
	}
	return values;
}
