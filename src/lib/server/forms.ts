// Reading a submitted form with its zod schema (the same schema the page's form is built
// from). On failure: each field's first problem in the reader's language, and the values
// as typed (passwords left out), ready for fail(400, …).
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export type FormFailure = { values: Record<string, string>; errors: Record<string, string> };

type Messages = typeof m;

// a schema's error text is the key of a message (schemas stay free of any one language),
// with its arguments after colons: "error_number_range:1:40"
function translate(message: string | undefined, code: string, input: unknown): string {
	const [key, ...args] = (message ?? '').split(':');
	if (key === 'error_number_range') return m.error_number_range({ min: args[0], max: args[1] });
	if (key && key in m) return (m[key as keyof Messages] as () => string)();
	if (code === 'invalid_type' && (input === undefined || input === '')) return m.error_required();
	return m.error_invalid();
}

// control characters (other than line breaks and tabs) and bidi embeddings, overrides and
// isolates (which make a text read otherwise than it is, in a page or a mail) are never
// typed by a person; a form that carries them is refused field by field, so nothing
// stores them
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function readForm<S extends z.ZodType>(schema: S, form: FormData): { ok: true; data: z.infer<S> } | ({ ok: false } & FormFailure) {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !(key in raw)) raw[key] = value;
	const unreadable = Object.keys(raw).filter((key) => CONTROL.test(raw[key]));
	if (unreadable.length)
		return { ok: false, values: typedValues(form), errors: Object.fromEntries(unreadable.map((k) => [k, m.error_control_characters()])) };
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= translate(issue.message, issue.code, raw[field]);
	}
	return { ok: false, values: typedValues(form), errors };
}

/** what was typed, passwords left out: to show the form again after a rule said no */
export function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !/password/i.test(key)) values[key] ??= value;
	return values;
}
