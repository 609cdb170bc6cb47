// What an import of a public dataset says when its file is wrong: the file (inside a zip: the
// member), the line where that is known, and what is wrong, so whoever downloaded it can look.
// One error stops the import before anything is written (the SQL import runs only on a
// file that parsed whole).
export class ImportError extends Error {
	readonly file: string;
	readonly line: number | null;
	constructor(file: string, line: number | null, problem: string) {
		super(`${file}${line === null ? '' : `, line ${line}`}: ${problem}`);
		this.name = 'ImportError';
		this.file = file;
		this.line = line;
	}
}
