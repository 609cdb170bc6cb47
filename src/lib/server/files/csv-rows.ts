// The rows of a CSV file with the line each ends on, for the address register (";") and the
// GTFS files (","), through csv-parse; a header that lacks a column the import needs is one
// error naming the file, line 1 and the columns.
import { parse } from 'csv-parse/sync';
import { ImportError } from './import-error.ts';

export type CsvRow = { line: number; get: (column: string) => string };

/** the rows of `text`; `required` are the columns (any of each alias group) the header must have */
export function csvRows(file: string, text: string, delimiter: string, required: (string | string[])[]): CsvRow[] {
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, { bom: true, delimiter, info: true, skip_empty_lines: true }) as unknown as typeof records;
	} catch (error) {
		const line = (error as { lines?: number }).lines ?? null;
		throw new ImportError(file, line, `not readable as CSV (${(error as Error).message.replace(/^Invalid [^:]*: /, '')})`);
	}
	if (!records.length) throw new ImportError(file, null, 'the file is empty');
	const header = records[0].record.map((h) => h.trim());
	const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
	const columnOf = (names: string[]) => names.map((n) => index.get(n.toLowerCase())).find((i) => i !== undefined);
	const missing = required.filter((r) => columnOf(Array.isArray(r) ? r : [r]) === undefined).map((r) => (Array.isArray(r) ? r[0] : r));
	if (missing.length) throw new ImportError(file, 1, `the header has no column ${missing.join(', ')} (it has ${header.join(', ')})`);
	const aliases = new Map<string, number | undefined>();
	for (const r of required) {
		const names = Array.isArray(r) ? r : [r];
		aliases.set(names[0], columnOf(names));
	}
	return records.slice(1).map(({ record, info }) => ({
		line: info.lines,
		get: (column: string) => {
			const i = aliases.has(column) ? aliases.get(column) : index.get(column.toLowerCase());
			return i === undefined ? '' : (record[i] ?? '').trim();
		}
	}));
}
