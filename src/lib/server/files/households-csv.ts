// Reading a CSV of households: semicolon-separated (what Excel in Norway writes; commas
// work too), quoted fields allowed, a header row naming the columns. Every row is checked
// with the registration form's schema; one bad row rejects the file, with every problem
// listed by line number, and nothing is imported.
import { m } from '$lib/paraglide/messages';
import { CSV_COLUMNS, householdSchema, toNewHousehold } from '$lib/schemas/household';
import type { NewHousehold } from '$lib/server/db/households';
import { readRow } from '$lib/server/form';

export function parseCsv(text: string): string[][] {
	const clean = text.replace(/^\uFEFF/, '');
	const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
	const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < clean.length; i++) {
		const c = clean[i];
		if (quoted) {
			if (c === '"' && clean[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === sep) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && clean[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export type CsvResult = { ok: true; households: NewHousehold[] } | { ok: false; errors: string[] };

export function readHouseholdsCsv(text: string): CsvResult {
	const rows = parseCsv(text);
	if (rows.length < 2) return { ok: false, errors: [m.csv_empty()] };
	const header = rows[0].map((h) => h.trim());
	const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
	if (missing.length) return { ok: false, errors: [m.csv_missing_columns({ columns: missing.join(', ') })] };
	const errors: string[] = [];
	const households: NewHousehold[] = [];
	const seen = new Set<string>();
	rows.slice(1).forEach((cells, index) => {
		const line = index + 2;
		const row: Record<string, string> = {};
		header.forEach((name, i) => (row[name] ??= cells[i] ?? ''));
		const parsed = readRow(householdSchema, row);
		if (!parsed.ok) {
			for (const [field, message] of Object.entries(parsed.errors)) errors.push(m.csv_line_error({ line, field, message }));
			return;
		}
		if (seen.has(parsed.data.imdi_reference)) errors.push(m.csv_line_duplicate({ line, reference: parsed.data.imdi_reference }));
		seen.add(parsed.data.imdi_reference);
		households.push(toNewHousehold(parsed.data));
	});
	return errors.length ? { ok: false, errors } : { ok: true, households };
}

export function csvTemplate(): string {
	const example = [
		'IMDI-2027-00001',
		'ukrainian_collective_protection',
		'2',
		'0',
		'8 3',
		'uk ru',
		'nei',
		'nei',
		'nei',
		'nei',
		'Straumvik',
		'2027-03-01',
		'Olena Kovalenko',
		'+47 900 00 000',
		''
	];
	// a BOM so Excel opens æøå correctly
	return `\uFEFF${CSV_COLUMNS.join(';')}\n${example.join(';')}\n`;
}
