// "Dates away" is free text on the volunteer's profile ("1–14 July", "20.12.–3.1.",
// "2027-08-03"). This reads the periods it can understand, as ISO date pairs; a period
// without a year is taken in the year it is asked about. What it cannot read it ignores.

export type Period = { from: string; to: string };

const MONTHS: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	mai: 5,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	okt: 10,
	oct: 10,
	nov: 11,
	des: 12,
	dec: 12
};

type Found = { day: number; month?: number; year?: number };

const iso = (y: number, mo: number, d: number) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function normalise(segment: string): string {
	return (
		segment
			.toLowerCase()
			// 2027-07-01 → 1.7.2027
			.replace(/(\d{4})-(\d{1,2})-(\d{1,2})/g, (_, y, mo, d) => `${+d}.${+mo}.${y}`)
			// 1. juli 2027 / 1 july → 1.7.2027 / 1.7.
			.replace(/(\d{1,2})\.?\s*(jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zæøå]*\.?(?:\s*(\d{4}))?/g, (_, d, mo, y) =>
				y ? `${+d}.${MONTHS[mo]}.${y}` : `${+d}.${MONTHS[mo]}.`
			)
	);
}

function datesIn(segment: string): Found[] {
	return [...normalise(segment).matchAll(/(\d{1,2})(?:\.(\d{1,2})(?:\.(\d{4}))?)?/g)].map((m) => ({
		day: +m[1],
		month: m[2] ? +m[2] : undefined,
		year: m[3] ? +m[3] : undefined
	}));
}

function valid(y: number, mo: number, d: number): boolean {
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function awayPeriods(text: string, year: number): Period[] {
	const periods: Period[] = [];
	for (const segment of text.split(/[,;\n]+/)) {
		const dates = datesIn(segment);
		if (dates.length === 0) continue;
		const [a, b = a] = dates;
		const endMonth = b.month ?? a.month;
		const startMonth = a.month ?? endMonth;
		if (!startMonth || !endMonth) continue;
		const startYear = a.year ?? b.year ?? year;
		let endYear = b.year ?? startYear;
		// "20.12.–3.1." runs into the next year
		if (!b.year && (endMonth < startMonth || (endMonth === startMonth && b.day < a.day))) endYear = startYear + 1;
		if (!valid(startYear, startMonth, a.day) || !valid(endYear, endMonth, b.day)) continue;
		periods.push({ from: iso(startYear, startMonth, a.day), to: iso(endYear, endMonth, b.day) });
	}
	return periods;
}

/** whether any day from..to (ISO dates, inclusive) falls in a period away */
export function awayDuring(periods: Period[], from: string, to: string): Period | null {
	return periods.find((p) => p.from <= to && p.to >= from) ?? null;
}
