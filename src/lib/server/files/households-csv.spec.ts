import { describe, expect, it } from 'vitest';
import { categoryNames } from '$lib/labels';
import { locales } from '$lib/paraglide/runtime';
import { CATEGORIES, CSV_COLUMNS } from '$lib/schemas/household';
import { csvTemplate, parseCsv, readHouseholdsCsv } from './households-csv';

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;
const BASE: Row = { imdi_reference: 'IMDI-1', category: 'resettlement', adults: '2', expected_arrival: '2027-03-01' };

/** a file of these rows, with every column of the template, separated by `sep` */
function file(rows: Row[], sep = ';'): string {
	const quote = (f: string) => (f.includes(sep) || f.includes('"') ? `"${f.replace(/"/g, '""')}"` : f);
	const lines = [CSV_COLUMNS.join(sep), ...rows.map((r) => CSV_COLUMNS.map((c) => quote(r[c] ?? '')).join(sep))];
	return lines.join('\r\n');
}

const read = (rows: Row[], sep = ';') => {
	const result = readHouseholdsCsv(
		file(
			rows.map((r, i) => ({ ...BASE, imdi_reference: `IMDI-${i}`, ...r })),
			sep
		)
	);
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.households;
};

const problems = (rows: Row[]) => {
	const result = readHouseholdsCsv(file(rows.map((r) => ({ ...BASE, ...r }))));
	return result.ok ? [] : result.errors;
};

describe('the household import', () => {
	it('tells `;` from `,` by the header line, a quoted comma or semicolon not counted', () => {
		const row = { contact_name: 'Kovalenko, Olena', preferred_localities: 'Lid, Straumvik' };
		expect(read([row], ';')[0]).toMatchObject({ contact_name: 'Kovalenko, Olena', preferred_localities: ['Lid', 'Straumvik'] });
		expect(read([row], ',')[0]).toMatchObject({ contact_name: 'Kovalenko, Olena', preferred_localities: ['Lid', 'Straumvik'] });
		const header = `"a,b";c;d\r\n1;2;3`;
		expect(parseCsv(header)).toEqual([
			['a,b', 'c', 'd'],
			['1', '2', '3']
		]);
	});

	it('takes every category by its code and by its name on screen in all four languages, with or without its note in brackets', () => {
		for (const category of CATEGORIES) {
			const names = locales.flatMap((locale) => {
				const name = categoryNames[category]({}, { locale });
				return [name, name.replace(/\s*\([^)]*\)/, ''), name.toUpperCase(), `  ${name}  `];
			});
			const households = read([category, ...names].map((c) => ({ category: c })));
			expect(households.map((h) => h.category)).toEqual(Array(names.length + 1).fill(category));
		}
	});

	it('reads Nynorsk names as the screen shows them', () => {
		const [h] = read([{ category: 'Overføringsflyktning' }]);
		expect(h.category).toBe('resettlement');
		expect(read([{ category: 'Kollektiv vern (Ukraina)' }])[0].category).toBe('ukrainian_collective_protection');
	});

	it('refuses a category that is no code and no name, naming the ones there are', () => {
		const [problem] = problems([{ category: 'flyktning' }]);
		expect(problem).toMatch(/^Linje 2, category: ukjend kategori/);
		expect(problem).toContain(categoryNames.resettlement({}, { locale: 'nn' }));
		expect(problems([{ category: '' }])).toHaveLength(1);
	});

	it('takes dates as yyyy-mm-dd and as dd.mm.yyyy (d.m.yyyy too), and refuses others', () => {
		const dates = ['2027-03-01', '01.03.2027', '1.3.2027', '29.02.2028'];
		expect(read(dates.map((d) => ({ expected_arrival: d }))).map((h) => h.expected_arrival)).toEqual([
			'2027-03-01',
			'2027-03-01',
			'2027-03-01',
			'2028-02-29'
		]);
		expect(read([{ expected_arrival: '' }])[0].expected_arrival).toBeNull();
		for (const bad of ['32.01.2027', '01/03/2027', '2027.03.01', '1.13.2027'])
			expect(problems([{ expected_arrival: bad }]), bad).toEqual([expect.stringMatching(/^Linje 2, expected_arrival:/)]);
	});

	it('takes yes and no in the four languages, whatever the case, and refuses other words', () => {
		const words = { needs_step_free: 'Ja', needs_near_health_centre: 'так', needs_ground_floor: 'YES', has_pets: 'nei' };
		expect(read([words])[0]).toMatchObject({
			needs_step_free: true,
			needs_near_health_centre: true,
			needs_ground_floor: true,
			has_pets: false
		});
		expect(read([{ has_pets: 'ні' }, { has_pets: 'No' }, { has_pets: '' }]).map((h) => h.has_pets)).toEqual([false, false, false]);
		expect(problems([{ has_pets: 'kanskje' }])).toEqual(['Linje 2, has_pets: skriv ja eller nei']);
	});

	it('takes a bus need as departures a weekday, blank as none, and still imports a file of the older template without the column', () => {
		expect(read([{ needs_departures: '20' }, { needs_departures: '' }]).map((h) => h.needs_departures)).toEqual([20, null]);
		expect(problems([{ needs_departures: 'mange' }])).toHaveLength(1);
		expect(problems([{ needs_departures: 'mange' }])[0]).toMatch(/^Linje 2, needs_departures: /);
		const older = CSV_COLUMNS.filter((c) => c !== 'needs_departures');
		const result = readHouseholdsCsv(`${older.join(';')}\r\n${older.map((c) => BASE[c] ?? '').join(';')}`);
		expect(result).toMatchObject({ ok: true, households: [{ imdi_reference: 'IMDI-1', needs_departures: null }] });
	});

	it('names every bad line and imports nothing', () => {
		const result = readHouseholdsCsv(
			file([
				{ ...BASE, imdi_reference: 'A' },
				{ ...BASE, imdi_reference: 'B', category: 'x', expected_arrival: '31.31.2027' }
			])
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors.map((e) => e.split(':')[0])).toEqual(['Linje 3, category', 'Linje 3, expected_arrival']);
	});
});

describe('the import template', () => {
	it('keeps the column codes as headers and writes its example in the reader’s language', () => {
		const nn = csvTemplate('nn');
		expect(parseCsv(nn)[0]).toEqual([...CSV_COLUMNS]);
		expect(parseCsv(nn)[1]).toEqual(expect.arrayContaining(['Kollektiv vern (Ukraina)', '01.03.2027', 'nei']));
		expect(parseCsv(csvTemplate('en'))[1]).toEqual(expect.arrayContaining(['Collective protection (Ukraine)', '2027-03-01', 'no']));
		expect(parseCsv(csvTemplate('uk'))[1]).toEqual(expect.arrayContaining(['Колективний захист (Україна)', 'ні']));
	});

	it('imports as it is, in every language', () => {
		for (const locale of locales) {
			const result = readHouseholdsCsv(csvTemplate(locale));
			expect(result.ok, locale).toBe(true);
			expect(result.ok && result.households[0]).toMatchObject({
				category: 'ukrainian_collective_protection',
				expected_arrival: '2027-03-01',
				needs_step_free: false
			});
		}
	});
});
