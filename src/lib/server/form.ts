// The one form layer: every action reads its form with its zod schema (src/lib/schemas/)
// through superforms' superValidate, and every answer that is not a redirect is that
// validated form — field errors (400) and rule refusals (403, 409, 429) alike — so a page
// reads one shape: `form.errors` next to the fields, `form.message` for the whole form,
// `form.data` as typed. Only the server imports superforms; pages read the form with
// $lib/form.ts and post plain HTML forms, so the browser loads none of it.
import { fail, type ActionFailure } from '@sveltejs/kit';
import { zod4 } from 'sveltekit-superforms/adapters';
import { superValidate, type SuperValidated } from 'sveltekit-superforms/server';
import { z } from 'zod';
import type { $ZodErrorMap } from 'zod/v4/core';
import { m } from '$lib/paraglide/messages';

type Schema = Parameters<typeof zod4>[0];
type Data<S extends Schema> = z.infer<S> & Record<string, unknown>;
/** a validated form: what every form action answers with */
export type Form<S extends Schema> = SuperValidated<Data<S>, string>;
type ErrorStatus = 400 | 403 | 404 | 409 | 422 | 429;

// a schema's error text is the key of a message (schemas stay free of any one language),
// with its arguments after colons: "error_number_range:1:40"; zod's own problems (no text
// in the schema) become keys here, so every error is translated in one place
const keyOf: $ZodErrorMap = (issue) =>
	issue.code === 'invalid_type' && (issue.input === undefined || issue.input === '') ? 'error_required' : 'error_invalid';
const options = { error: keyOf };

function translate(text: string): string {
	const [key, ...args] = text.split(':');
	if (key === 'error_number_range') return m.error_number_range({ min: args[0], max: args[1] });
	if (key in m) return (m[key as keyof typeof m] as () => string)();
	return m.error_invalid();
}

// control characters (other than line breaks and tabs) and bidi embeddings, overrides and
// isolates (which make a text read otherwise than it is, in a page or a mail) are never
// typed by a person; a form that carries them is refused field by field, so nothing
// stores them
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

type Json = { type?: string | string[]; properties?: Record<string, Json>; items?: Json | Json[]; anyOf?: Json[]; oneOf?: Json[] };
type Tree = { [key: string]: Value };
type Value = string | boolean | Value[] | Tree | undefined;
type Key = string | number;
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/** a field's name as a path: `languages[0].level` → languages, 0, level; `availability.mon` → availability, mon */
export function pathOf(name: string): Key[] {
	return name
		.split(/\.|\[(\d+)\]\.?/)
		.filter((part) => part !== undefined && part !== '')
		.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const kinds = (schema: Json | undefined): string[] =>
	schema ? [schema.type ?? [], ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(kinds)].flat() : [];
const partOf = (schema: Json | undefined, key: Key): Json | undefined => {
	if (!schema) return undefined;
	const alternatives = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
	for (const s of alternatives) {
		const found = typeof key === 'number' ? (Array.isArray(s.items) ? s.items[0] : s.items) : s.properties?.[key];
		if (found) return found;
	}
	return undefined;
};

// what the form's own names say, as the schema's shape says to read it: a repeated name
// (a group of checkboxes) and an indexed one (rows of a list) become arrays, a checkbox
// true or false, rows in their order with the gaps left out
function shaped(value: Value | Record<number, Value>, schema: Json | undefined): Value {
	const types = kinds(schema);
	if (types.includes('array')) {
		const items =
			value === undefined
				? []
				: Array.isArray(value)
					? value
					: typeof value === 'object'
						? Object.entries(value)
								.filter(([k]) => /^\d+$/.test(k))
								.sort(([a], [b]) => Number(a) - Number(b))
								.map(([, v]) => v)
						: [value];
		return items.map((item) => shaped(item, partOf(schema, 0)));
	}
	if (types.includes('boolean') && !types.includes('string')) {
		const text = Array.isArray(value) ? value.at(-1) : value;
		return text === true || ['on', 'true', 'yes', '1'].includes(String(text));
	}
	// a group of fields (availability.mon, availability.tue …) is there even with nothing posted
	const group = schema?.properties && types.includes('object');
	if ((value && typeof value === 'object' && !Array.isArray(value)) || (value === undefined && group)) {
		value ??= {};
		const tree: Tree = {};
		const keys = new Set([...Object.keys(value), ...Object.keys(schema?.properties ?? {})]);
		for (const key of keys) {
			const part = shaped((value as Tree)[key], partOf(schema, key));
			if (part !== undefined) tree[key] = part;
		}
		return tree;
	}
	// a single field posted twice (a crafted post): the first counts, as in a browser's URL
	return Array.isArray(value) ? value[0] : value;
}

/** a posted form as the nested values its schema describes (exported for its unit test) */
export function nest(form: FormData, schema: Json): Tree {
	const tree: Tree = {};
	for (const [name, entry] of form) {
		if (typeof entry !== 'string') continue;
		const path = pathOf(name);
		// a crafted name must not reach an object's prototype
		if (!path.length || path.some((key) => UNSAFE.has(String(key)))) continue;
		let node: Tree = tree;
		for (const [i, key] of path.entries()) {
			const last = i === path.length - 1;
			const slot = node as Record<Key, Value>;
			if (last) {
				const had = slot[key];
				slot[key] = had === undefined ? entry : Array.isArray(had) ? [...had, entry] : [had as Value, entry];
			} else {
				if (typeof slot[key] !== 'object' || slot[key] === null || Array.isArray(slot[key])) slot[key] = {};
				node = slot[key] as Tree;
			}
		}
	}
	return shaped(tree, schema) as Tree;
}

function controlled(value: Value, path: Key[] = []): Key[][] {
	if (typeof value === 'string') return CONTROL.test(value) ? [path] : [];
	if (Array.isArray(value)) return value.flatMap((v, i) => controlled(v, [...path, i]));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => controlled(v, [...path, k]));
	return [];
}

function put(errors: Record<Key, unknown>, path: Key[], text: string | string[]) {
	let node = errors;
	for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<Key, unknown>;
	node[path.at(-1)!] = Array.isArray(text) ? text : [text];
}

function translated(errors: unknown): unknown {
	if (Array.isArray(errors)) return errors.map((e) => (typeof e === 'string' ? translate(e) : e));
	if (errors && typeof errors === 'object') return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translated(v)]));
	return errors;
}

/** a form for a page to show: empty, or filled from a stored row (an edit form) */
export async function formFrom<S extends Schema>(schema: S, row?: Record<string, unknown> | null, id?: string): Promise<Form<S>> {
	// a column left empty (null) is a field left blank
	const values = row ? Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) : undefined;
	// strict: the schema's own defaults and fallbacks, not superforms' (which would pick the
	// first choice of a required one, ticking a radio button nobody chose)
	const form = (await superValidate((values ?? {}) as never, zod4(schema, options), { errors: false, strict: true, id })) as Form<S>;
	delete form.constraints;
	delete form.shape;
	// a row (or an empty form) the schema does not pass as it is: shown as it is
	if (!form.valid) form.data = (values ?? {}) as Form<S>['data'];
	return form;
}

/** a posted form read with its schema; on failure each field's first problem in the reader's language */
export async function validate<S extends Schema>(schema: S, source: Request | FormData, id?: string): Promise<Form<S>> {
	const adapter = zod4(schema, options);
	const posted = source instanceof Request ? await source.formData() : source;
	const values = nest(posted, adapter.jsonSchema as Json);
	const fields = Object.keys((adapter.jsonSchema as Json).properties ?? {});
	// what was typed stays as typed (not replaced by a default) when it does not parse
	const form = (await superValidate(values as never, adapter, { id, preprocessed: fields as never })) as Form<S>;
	form.posted = true;
	delete form.constraints;
	delete form.shape;
	form.errors = translated(form.errors) as Form<S>['errors'];
	const unreadable = controlled(values);
	if (unreadable.length) {
		form.valid = false;
		for (const path of unreadable) put(form.errors as Record<Key, unknown>, path, m.error_control_characters());
	}
	// what was typed, of the form's own fields
	if (!form.valid) form.data = withoutPasswords(fields.length ? pick(values, fields) : values) as Form<S>['data'];
	return form;
}

const pick = (values: Tree, keys: string[]): Tree => Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));

// a password is never sent back into a page
function withoutPasswords(values: Tree): Tree {
	return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, /password/i.test(k) ? '' : v]));
}

/** the answer to a form that did not pass: its fields' errors (400, or another status) */
export function invalid<S extends Schema>(form: Form<S>, status: ErrorStatus = 400): ActionFailure<{ form: Form<S> }> {
	form.valid = false;
	form.data = withoutPasswords(form.data as Tree) as Form<S>['data'];
	return fail(status, { form });
}

/** a rule said no to the whole form: its message above the form, what was typed kept */
export function refuse<S extends Schema>(form: Form<S>, text: string, status: ErrorStatus = 409) {
	form.message = text;
	return invalid(form, status);
}

/** a rule said no to one field (its name as in the page: `languages[0].level`), with one problem or several */
export function refuseField<S extends Schema>(form: Form<S>, name: string, text: string | string[], status: ErrorStatus = 400) {
	put(form.errors as Record<Key, unknown>, pathOf(name), text);
	return invalid(form, status);
}

/** a row of an import read with a form's schema, outside any page: its data, or each field's problem */
export function readRow<S extends Schema>(schema: S, values: Record<string, string>) {
	const result = (schema as unknown as z.ZodType<z.infer<S>>).safeParse(values, options);
	if (result.success) return { ok: true as const, data: result.data };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'form')] ??= translate(issue.message);
	for (const [field, value] of Object.entries(values)) if (CONTROL.test(value)) errors[field] = m.error_control_characters();
	return { ok: false as const, errors };
}

const nothing = z.object({});

/** the form of an action whose only field is a file (superforms leaves files to the action) */
export const fileForm = (id?: string) => formFrom(nothing, null, id);

/** a refusal of an action that posts no fields of its own (a button): the same shape, its message set;
 * an id names the kind of refusal when the page shows it apart (not as something to correct) */
export async function refusal(text: string, status: ErrorStatus = 409, id?: string) {
	return refuse(await formFrom(nothing, null, id), text, status);
}
