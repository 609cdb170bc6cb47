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
