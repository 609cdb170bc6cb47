// The municipality's clock: years, dates and deadlines are Norwegian time.
import type { Locale } from '$lib/paraglide/runtime';

export const TIME_ZONE = 'Europe/Oslo';

// the Intl tag for each language: Norwegian conventions for nn/nb, British for English
// (day before month, 24-hour clock), Ukrainian as written in Ukraine
export const intlLocale: Record<Locale, string> = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB', uk: 'uk-UA' };

export function yearInOslo(date: Date = new Date()): number {
	return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE }).format(date));
}

/** e.g. "tysdag 3. mars kl. 10:00" / "Tuesday 3 March at 10:00", in Oslo time */
export function formatDateTime(value: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale[locale], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(new Date(value));
}

/** e.g. "3. mars 2027" / "3 March 2027"; a date-only value ("2027-03-03") stays that day */
export function formatDate(value: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(
		new Date(value)
	);
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
	return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }).format(
		new Date(value)
	);
}

/**
 * a number as the reader writes it, e.g. "12 500" and "95,94" (nn/nb/uk) / "12,500" and
 * "95.94" (en); "–" for none. Every number a page shows goes through here.
 */
export function formatNumber(value: number | null | undefined, locale: Locale): string {
	return value === null || value === undefined ? '–' : new Intl.NumberFormat(intlLocale[locale]).format(value);
}
