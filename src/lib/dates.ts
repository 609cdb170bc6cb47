// The municipality's clock: years, dates and deadlines are Norwegian time.
export const TIME_ZONE = 'Europe/Oslo';

export function yearInOslo(date: Date = new Date()): number {
	return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE }).format(date));
}
