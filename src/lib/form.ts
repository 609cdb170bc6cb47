// A page reading the form its action answered with ($lib/server/form.ts): one shape for
// field errors and refusals alike. Types only from superforms: nothing of it reaches the
// browser, the pages post plain forms.
type Shown = { id: string; errors?: unknown; message?: string };
type FormOf<A> = A extends { form: infer F } ? (F extends Shown ? F : never) : never;

/** the form the action answered with, if any */
export function answered<A>(action: A): FormOf<A> | undefined {
	const form = (action as { form?: unknown } | null | undefined)?.form;
	return form && typeof form === 'object' && 'id' in form ? (form as FormOf<A>) : undefined;
}

/** the form to show: the action's answer when it is about this form (the same id), else the loaded one */
export function shown<F extends Shown>(action: unknown, loaded: F): F {
	const form = answered(action as { form: Shown });
	return form && form.id === loaded.id ? (form as F) : loaded;
}

// a field's name in the page, from its path: languages[0].level, availability.mon
const join = (name: string, key: string) => (name === '' ? key : /^\d+$/.test(key) ? `${name}[${key}]` : `${name}.${key}`);

/** each field's first error by the field's name, and the whole form's (a refusal) as `form` */
export function errorsOf(form: Shown | null | undefined): Record<string, string> {
	const errors: Record<string, string> = {};
	if (form?.message) errors.form = form.message;
	const walk = (node: unknown, name: string) => {
		if (!node || typeof node !== 'object') return;
		for (const [key, value] of Object.entries(node)) {
			const field = key === '_errors' ? name || 'form' : join(name, key);
			if (Array.isArray(value)) {
				if (typeof value[0] === 'string') errors[field] ??= value[0];
			} else walk(value, field);
		}
	};
	walk(form?.errors, '');
	return errors;
}

/** every problem of one field (an import names each bad line of its file) */
export function problemsOf(form: Shown | null | undefined, name: string): string[] {
	const found = (form?.errors as Record<string, unknown> | undefined)?.[name];
	return Array.isArray(found) ? found.filter((e): e is string => typeof e === 'string') : [];
}

/** a value of a form as a text field shows it: a list joined, a number as typed, nothing as blank */
export const asText = (value: unknown): string =>
	value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/**
 * the labels of a form's fields, by the fields' names, for the error summary: the same
 * messages the form's labels show. A row of a list is named once for every row, with `[]`
 * for its index (`languages[].level`), as a function of the row's number (1, 2 …).
 */
export type Labels = Record<string, string | ((row: number) => string)>;

export type SummaryEntry = { field: string; message: string; label?: string; href?: string };

/**
 * the error summary's entries: each field's error with the field's label and a link to its
 * input (`#prefix-name`, the ids the fields have); a refusal (`form`) has neither
 */
export function summaryOf(errors: Record<string, string>, labels: Labels = {}, prefix?: string): SummaryEntry[] {
	return Object.entries(errors).map(([field, message]) => {
		if (field === 'form') return { field, message };
		return { field, message, label: labelOf(field, labels), href: `#${prefix ? `${prefix}-${field}` : field}` };
	});
}

// a label that asks ("Møblert?") or ends a sentence is named without its last mark: "Møblert: …"
const bare = (label: string | undefined) => label?.trim().replace(/\s*[?:.]$/, '');

function labelOf(field: string, labels: Labels): string | undefined {
	return bare(labelIn(field, labels));
}

function labelIn(field: string, labels: Labels): string | undefined {
	const exact = Object.hasOwn(labels, field) ? labels[field] : undefined;
	if (exact !== undefined) return typeof exact === 'function' ? exact(1) : exact;
	// languages[1].level → languages[].level, for the second row
	const row = /\[(\d+)\]/.exec(field);
	if (!row) return undefined;
	const key = field.replace(/\[\d+\]/g, '[]');
	const pattern = Object.hasOwn(labels, key) ? labels[key] : undefined;
	if (pattern === undefined) return undefined;
	return typeof pattern === 'function' ? pattern(Number(row[1]) + 1) : pattern;
}

/** the address register's addresses an offer form was sent back with ("did you mean"), if any */
export function suggestedAddresses(answer: unknown): { id: string; street: string; postcode: string; place: string }[] {
	if (!answer || typeof answer !== 'object' || !('addressSuggestions' in answer) || !Array.isArray(answer.addressSuggestions)) return [];
	return answer.addressSuggestions;
}
