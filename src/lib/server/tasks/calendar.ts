// Calendar files (.ics) for tasks, with the ics package. Times are written in UTC, which
// every calendar shows in its own time zone (Norwegian time for people here).
import { createEvent } from 'ics';

export type CalendarTask = { id: string; title: string; starts_at: string; ends_at: string; locality: string; url: string };

export function taskCalendar(task: CalendarTask): string {
	const { error, value } = createEvent({
		uid: `${task.id}@busett`,
		title: task.title,
		start: new Date(task.starts_at).getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: new Date(task.ends_at).getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		location: task.locality,
		url: task.url,
		productId: 'busett'
	});
	if (error || !value) throw new Error(`calendar file: ${error?.message ?? 'empty'}`);
	return value;
}
