// Reading a CSV of households as staff make them in Excel: `;` or `,` between fields (told
// by the header line), quoted fields allowed, a header row naming the columns by their
// codes (as the template has them). The category may be its code or its name as the
// screen shows it, in any of the four languages; a date yyyy-mm-dd or dd.mm.yyyy (what
// Norwegian Excel writes); yes and no in any of the four languages. Every row is then
// checked with the registration form's schema; one bad row rejects the file, with every
// problem listed by line number, and nothing is imported.
import { categoryNames } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { getLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { CATEGORIES, CSV_COLUMNS, householdSchema, OPTIONAL_CSV_COLUMNS, toNewHousehold } from '$lib/schemas/household';
import type { NewHousehold } from '$lib/server/db/households';
import { readRow } from '$lib/server/form';
import { BOM, separatorOf } from './csv';

export function parseCsv(text: string): string[][] {
	const clean = text.replace(/^\uFEFF/, '');
	const sep = separatorOf(clean.split(/\r?\n/, 1)[0] ?? '');
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

type Category = (typeof CATEGORIES)[number];

// a word as people type it: case, spacing and the two apostrophes (Ukrainian) do not matter
const normal = (text: string) => text.normalize('NFC').replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** every way a category is written: its code, and its name in each language as the screen
 * shows it, also without its note in brackets ("Familiesameining (tel ikkje med i målet)") */
function categoryWords(): Map<string, Category> {
	const words = new Map<string, Category>();
	for (const category of CATEGORIES) {
		words.set(normal(category), category);
		for (const locale of locales) {
			const name = categoryNames[category]({}, { locale });
			words.set(normal(name), category);
			words.set(normal(name.replace(/\([^)]*\)/g, ' ')), category);
		}
	}
	return words;
}

// yes and no as the four languages write them (the reports' words), and as programs do
const yesNo = () => ({
	yes: new Set(['ja', 'yes', 'true', '1', 'x', ...locales.map((locale) => normal(m.report_yes({}, { locale })))]),
	no: new Set(['', 'nei', 'no', 'false', '0', ...locales.map((locale) => normal(m.report_no({}, { locale })))])
});

const YES_NO_COLUMNS = ['needs_step_free', 'needs_near_health_centre', 'needs_ground_floor', 'has_pets'] as const;

/** dd.mm.yyyy (also d.m.yyyy) as yyyy-mm-dd; anything else as it is, for the schema to judge */
function isoDate(text: string): string {
	const t = text.trim();
	const found = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
	return found ? `${found[3]}-${found[2].padStart(2, '0')}-${found[1].padStart(2, '0')}` : t;
}

export type CsvResult = { ok: true; households: NewHousehold[] } | { ok: false; errors: string[] };

export function readHouseholdsCsv(text: string): CsvResult {
	const rows = parseCsv(text);
	if (rows.length < 2) return { ok: false, errors: [m.csv_empty()] };
	const header = rows[0].map((h) => h.trim().toLowerCase());
	const missing = CSV_COLUMNS.filter((c) => !header.includes(c) && !OPTIONAL_CSV_COLUMNS.includes(c));
	if (missing.length) return { ok: false, errors: [m.csv_missing_columns({ columns: missing.join(', ') })] };
	const categories = categoryWords();
	const { yes, no } = yesNo();
	const errors: string[] = [];
	const households: NewHousehold[] = [];
	const seen = new Set<string>();
	rows.slice(1).forEach((cells, index) => {
		const line = index + 2;
		const row: Record<string, string> = {};
		header.forEach((name, i) => (row[name] ??= cells[i] ?? ''));
		// the words of the screen and of Excel as the schema's values; a word that is none of
		// them is this line's problem, named with the words that are
		const problems: Record<string, string> = {};
		const category = categories.get(normal(row.category ?? ''));
		if (category) row.category = category;
		else if ((row.category ?? '').trim() !== '') problems.category = m.csv_category_unknown({ names: shownCategories() });
		for (const column of YES_NO_COLUMNS) {
			const word = normal(row[column] ?? '');
			if (yes.has(word)) row[column] = 'ja';
			else if (no.has(word)) row[column] = '';
			else problems[column] = m.csv_yes_no({ yes: m.report_yes(), no: m.report_no() });
		}
		row.expected_arrival = isoDate(row.expected_arrival ?? '');
		const parsed = readRow(householdSchema, row);
		const all = { ...(parsed.ok ? {} : parsed.errors), ...problems };
		if (!parsed.ok || Object.keys(all).length) {
			for (const [field, message] of Object.entries(all)) errors.push(m.csv_line_error({ line, field, message }));
			return;
		}
		if (seen.has(parsed.data.imdi_reference)) errors.push(m.csv_line_duplicate({ line, reference: parsed.data.imdi_reference }));
		seen.add(parsed.data.imdi_reference);
		households.push(toNewHousehold(parsed.data));
	});
	return errors.length ? { ok: false, errors } : { ok: true, households };
}

// the names the reader's screen shows, for the message that lists them
const shownCategories = () => CATEGORIES.map((c) => categoryNames[c]()).join('; ');

// dates as the reader's Excel writes them: dd.mm.yyyy in Norwegian and Ukrainian, ISO in English
const exampleDate = (locale: Locale) => (locale === 'en' ? '2027-03-01' : '01.03.2027');

/**
 * The import template in the reader's language: the header row keeps the column codes (the
 * importer reads those, whoever made the file), the example row is written as the reader
 * would fill it in — the category's name as their screen shows it, their yes and no, the
 * date as their Excel writes it. The import page's help says so.
 */
export function csvTemplate(locale: Locale = getLocale()): string {
	const no = m.report_no({}, { locale });
	const example = [
		'IMDI-2027-00001',
		categoryNames.ukrainian_collective_protection({}, { locale }),
		'2',
		'0',
		'8 3',
		'uk ru',
		no,
		no,
		no,
		no,
		'Straumvik',
		exampleDate(locale),
		'Olena Kovalenko',
		'+47 900 00 000',
		'',
		// needs_departures: blank, no need of a bus close by
		''
	];
	// a BOM so Excel opens æøå correctly; fields with `;` or quotes are quoted
	const quote = (f: string) => (/[;"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
	return `${BOM}${CSV_COLUMNS.join(';')}\r\n${example.map(quote).join(';')}\r\n`;
}
