// The SQL functions queue most mail by template name; a name templates.ts does not know
// would only fail when the worker tries to send it. Read from the migrations: the latest
// definition of every function (later files win, dropped ones are gone), and the template
// each of its calls to the outbox names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from './templates';

const MIGRATIONS = join(import.meta.dirname, '../../../../supabase/migrations');

/** the body of each function as the migrations leave it, by name and arguments */
function latestFunctions(files: string[]): Map<string, string> {
	const functions = new Map<string, string>();
	for (const text of files) {
		const statements = /(create (?:or replace )?function|drop function) public\.(\w+)\s*\(([^)]*)\)/g;
		for (const match of text.matchAll(statements)) {
			const dropped = match[1] === 'drop function';
			const key = `${match[2]}(${signature(match[3], dropped)})`;
			if (dropped) {
				functions.delete(key);
				continue;
			}
			const start = text.indexOf('$$', match.index!);
			const end = text.indexOf('$$', start + 2);
			functions.set(key, text.slice(start + 2, end));
		}
	}
	return functions;
}

// the argument types, without names and defaults: "p_a uuid, p_b text default null" → "uuid,text"
function signature(args: string, typesOnly: boolean): string {
	return args
		.split(',')
		.map((a) => a.trim().replace(/\s+default\s+.*$/i, ''))
		.filter(Boolean)
		.map((a) => (typesOnly ? a : a.split(/\s+/).slice(1).join(' ')))
		.map((t) => t.replace(/^public\./, '').toLowerCase())
		.join(',');
}

// where each way into the outbox takes its template
const TEMPLATE_ARGUMENT: Record<string, number> = {
	enqueue_notification: 1,
	enqueue_notification_for: 2,
	enqueue_to_staff: 0,
	enqueue_to_staff_about: 0,
	issue_email_token: 7
};

/** the top-level arguments of the call whose "(" is at `open` */
function argumentsAt(body: string, open: number): string[] {
	const args: string[] = [];
	let depth = 0;
	let current = '';
	let quoted = false;
	for (let i = open + 1; i < body.length; i++) {
		const c = body[i];
		if (c === "'") quoted = !quoted;
		if (!quoted && (c === '(' || c === '[')) depth++;
		if (!quoted && (c === ')' || c === ']')) {
			if (depth === 0) return [...args, current];
			depth--;
		}
		if (!quoted && c === ',' && depth === 0) {
			args.push(current);
			current = '';
		} else current += c;
	}
	return args;
}

function templatesQueued(functions: Map<string, string>): Map<string, string[]> {
	const used = new Map<string, string[]>();
	for (const [fn, body] of functions) {
		for (const call of body.matchAll(/public\.(\w+)\s*\(/g)) {
			const position = TEMPLATE_ARGUMENT[call[1]];
			if (position === undefined) continue;
			const arg = argumentsAt(body, call.index! + call[0].length - 1)[position] ?? '';
			// a name, or a case that picks one (the names follow then and else)
			const names = /^\s*'([a-z_]+)'\s*$/.test(arg) ? [arg] : [...arg.matchAll(/(?:then|else)\s+'[a-z_]+'/g)].map((m) => m[0]);
			for (const name of names.flatMap((n) => [...n.matchAll(/'([a-z_]+)'/g)].map((m) => m[1])))
				used.set(name, [...(used.get(name) ?? []), fn]);
		}
	}
	return used;
}

const migrations = () =>
	readdirSync(MIGRATIONS)
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((f) => readFileSync(join(MIGRATIONS, f), 'utf8'));

describe('the templates the SQL functions queue', () => {
	const used = templatesQueued(latestFunctions(migrations()));

	it('are all in templates.ts', () => {
		const unknown = [...used].filter(([name]) => !Object.hasOwn(templates, name)).map(([name, fns]) => `${name} (${fns.join(', ')})`);
		expect(unknown).toEqual([]);
	});

	it('with the one the app queues itself (a reset link) are every template there is', () => {
		expect([...used.keys(), 'password_reset'].sort()).toEqual(Object.keys(templates).sort());
	});

	it('are read from the latest definition: a dropped or replaced function no longer counts', () => {
		const replaced = templatesQueued(
			latestFunctions([
				"create function public.f(p_a uuid) returns void language sql as $$ select public.enqueue_to_staff('old_name', '{}', 'k') $$;",
				"create or replace function public.f(p_a uuid) returns void language sql as $$ select public.enqueue_to_staff('new_name', '{}', 'k') $$;",
				"create function public.g(p_a text) returns void language sql as $$ select public.enqueue_notification(x, case when y then 'a_one' else 'b_one' end, 'nn', '{}', 'k') $$;",
				'drop function public.g(text);'
			])
		);
		expect([...replaced.keys()]).toEqual(['new_name']);
	});
});
