// The municipality's clock: years, dates and deadlines are Norwegian time.
import type { Locale } from '$lib/paraglide/runtime';

export const TIME_ZONE = 'Europe/Oslo';

// Intl has no Nynorsk tag everywhere; Norwegian (nb) formats dates the same way
const intlLocale: Record<Locale, string> = { nn: 'nn-NO', en: 'en-GB' };

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

/** e.g. "3. mars 2027" / "3 March 2027" */
export function formatDate(value: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(
		new Date(value)
	);
}

// how far Oslo's clock is ahead of UTC at an instant (1 or 2 hours)
function osloOffsetMs(at: Date): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: TIME_ZONE,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
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
