// The municipality's clock: years, dates and deadlines are Norwegian time.
import type { Locale } from '$lib/paraglide/runtime';

export const TIME_ZONE = 'Europe/Oslo';

// the Intl tag for each language: Norwegian conventions for nn/nb, British for English
// (day before month, 24-hour clock), Ukrainian as written in Ukraine. Nynorsk is formatted
// as Bokmål, whose numbers and date patterns are the same ("12 500", "3. mars 2027",
// "kl. 10:00", "03.03.2027"), with its own weekday and month names put in (nnNames below):
// Chromium ships no nn data and formats nn as US English, so a page formatted by the server
// (Node has nn) would change its dates and numbers as it hydrates.
export const intlLocale: Record<Locale, string> = { nn: 'nb-NO', nb: 'nb-NO', en: 'en-GB', uk: 'uk-UA' };

// Nynorsk's names, Sunday first (as Date.getDay counts); "sundag" and "laurdag", as the
// Nynorsk pages and mails write them
const NN_WEEKDAYS = ['sundag', 'måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag'];
const NN_WEEKDAYS_SHORT = ['sun.', 'mån.', 'tys.', 'ons.', 'tor.', 'fre.', 'lau.'];
const NN_MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const NN_MONTHS_SHORT = ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'];
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Making an Intl formatter costs 60–100 µs, using one about 1 µs: a page of figures or a list
// of dates made hundreds (the staff overview, about 11 ms a load: BENCHMARKS.md). Each is made
// once per language and set of options and kept; there are a few dozen.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format)
		dateFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: options.timeZone ?? TIME_ZONE })));
	return format;
}

/**
 * a date (and time) formatted in the reader's language, on Norway's clock: the one
 * formatter behind every date the pages and mails show, giving the same text in the
 * server and in the browser
 */
export function formatIn(value: string | Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
	const date = new Date(value);
	const format = dateFormat(locale, options);
	if (locale !== 'nn') return format.format(date);
	const zone = format.resolvedOptions().timeZone;
	const day = zone === TIME_ZONE ? osloParts(date) : null;
	const weekday = day ? WEEKDAY_INDEX[day.weekday] : date.getUTCDay();
	const month = day ? Number(day.month) - 1 : date.getUTCMonth();
	return format
		.formatToParts(date)
		.map((part) => {
			if (part.type === 'weekday') return (options.weekday === 'long' ? NN_WEEKDAYS : NN_WEEKDAYS_SHORT)[weekday];
			// a month as a word (not "03"): in Nynorsk
			if (part.type === 'month' && !/^\d+$/.test(part.value)) return (options.month === 'long' ? NN_MONTHS : NN_MONTHS_SHORT)[month];
			return part.value;
		})
		.join('');
}

/** the months' names in the reader's language, January first: "januar" … "desember" */
export function monthNames(locale: Locale): string[] {
	return Array.from({ length: 12 }, (_, i) => formatIn(new Date(Date.UTC(2026, i, 15, 12)), locale, { month: 'long' }));
}

const osloYearFormat = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE });

export function yearInOslo(date: Date = new Date()): number {
	return Number(osloYearFormat.format(date));
}

/** e.g. "tysdag 3. mars kl. 10:00" / "Tuesday 3 March at 10:00", in Oslo time */
export function formatDateTime(value: string | Date, locale: Locale): string {
	return formatIn(value, locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

/** e.g. "3. mars 2027" / "3 March 2027"; a date-only value ("2027-03-03") stays that day */
export function formatDate(value: string | Date, locale: Locale): string {
	return formatIn(value, locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

const osloClockFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	weekday: 'short'
});

/** an instant on the Norwegian clock, in parts: year, month, day, hour, minute (two digits) and weekday ("Mon") */
export function osloParts(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday', string> {
	const parts = Object.fromEntries(osloClockFormat.formatToParts(at).map((p) => [p.type, p.value]));
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, weekday: parts.weekday };
}

/** the day it is in Norway, as yyyy-mm-dd (a date input's value) */
export function todayInOslo(at: Date = new Date()): string {
	const { year, month, day } = osloParts(at);
	return `${year}-${month}-${day}`;
}

// how far Oslo's clock is ahead of UTC at an instant (1 or 2 hours)
function osloOffsetMs(at: Date): number {
	const parts = osloParts(at);
	const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
	return local - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** a wall-clock time in Norway ("2027-03-02T10:00", as a datetime-local input gives it) as an instant */
export function fromOsloLocal(local: string): Date {
	const [date, time] = local.split('T');
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const asUtc = Date.UTC(y, mo - 1, d, h, mi);
	const first = asUtc - osloOffsetMs(new Date(asUtc));
	// near a change to or from summer time the offset can differ at the answer; check once more
	return new Date(asUtc - osloOffsetMs(new Date(first)));
}

/** an instant as the wall-clock time in Norway, for a datetime-local input */
export function toOsloLocal(at: string | Date): string {
	const date = new Date(at);
	return new Date(date.getTime() + osloOffsetMs(date)).toISOString().slice(0, 16);
}

/** e.g. "03.03.2027, 10:00" / "03/03/2027, 10:00": a compact date and time for tables, in Oslo time */
export function formatTimestamp(value: string | Date, locale: Locale): string {
	return formatIn(value, locale, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * a number as the reader writes it, e.g. "12 500" and "95,94" (nn/nb/uk) / "12,500" and
 * "95.94" (en); "–" for none. Every number a page shows goes through here.
 */
export function formatNumber(value: number | null | undefined, locale: Locale): string {
	if (value === null || value === undefined) return '–';
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlLocale[locale])));
	return format.format(value);
}
