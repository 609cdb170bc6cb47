// CSV files for staff to open in Excel. Norwegian Excel expects `;` between fields (the
// comma is its decimal mark) and reads UTF-8 only when the file starts with a byte order
// mark, so: BOM, `;`, CRLF line ends, decimals with a comma, dates as ISO yyyy-mm-dd.
// A field is quoted when it holds `;`, `"`, a line break or leading/trailing spaces; a
// text starting with = + - @ is prefixed with ' so Excel never runs it as a formula.
export const BOM = '\uFEFF';
export const SEPARATOR = ';';

export type Cell = string | number | boolean | null | undefined;

export function cell(value: Cell, yes = 'ja', no = 'nei'): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? yes : no;
	if (typeof value === 'number') return String(value).replace('.', ',');
	let text = value;
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][], booleans?: { yes: string; no: string }): string {
	const line = (cells: Cell[]) => cells.map((c) => cell(c, booleans?.yes, booleans?.no)).join(SEPARATOR);
	return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** a download; the file name carries no personal data */
export function csvResponse(filename: string, body: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
}

/**
 * The separator of a file a person made, from its header line: `;` (Norwegian Excel) or
 * `,` (Excel elsewhere, and most other programs), whichever the line holds more of
 * outside quotes; `;` when it holds neither (a file of one column).
 */
export function separatorOf(headerLine: string): ';' | ',' {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const c of headerLine) {
		if (c === '"') quoted = !quoted;
		else if (!quoted && c === ';') semicolons++;
		else if (!quoted && c === ',') commas++;
	}
	return commas > semicolons ? ',' : ';';
}
