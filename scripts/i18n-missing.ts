// npm run i18n:missing — what still needs translating: for each catalogue, the keys of the
// Nynorsk one it lacks (or leaves empty), keys it has that Nynorsk lacks, and messages whose
// placeholders differ. Exits with 1 when anything is listed, so it can gate a merge.
import { allGaps, projectLocales } from './i18n/catalogues.ts';

const { baseLocale } = projectLocales();
let problems = 0;
for (const [locale, { missing, extra, placeholders }] of Object.entries(allGaps())) {
	problems += missing.length + extra.length + placeholders.length;
	if (!missing.length && !extra.length && !placeholders.length) {
		console.log(`${locale}: complete`);
		continue;
	}
	console.log(`${locale}: ${missing.length} missing, ${extra.length} not in ${baseLocale}, ${placeholders.length} with other placeholders`);
	for (const key of missing) console.log(`  missing      ${key}`);
	for (const key of extra) console.log(`  not in ${baseLocale}    ${key}`);
	for (const key of placeholders) console.log(`  placeholders ${key}`);
}
process.exit(problems ? 1 : 0);
