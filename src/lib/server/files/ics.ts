// Calendar files (.ics) for tasks, with the ics package: one task's file, and a volunteer's
// whole feed. Times are written in UTC, which every calendar shows in its own time zone
// (Norwegian time for people here); the feed names Europe/Oslo as its zone too.
import { createEvent, createEvents, type EventAttributes } from 'ics';
import { TIME_ZONE } from '$lib/dates';

export type CalendarTask = {
	id: string;
	title: string;
	starts_at: string;
	ends_at: string;
	locality: string;
	url: string;
	/** a changed task's file carries a higher number, so calendars replace the old event */
	sequence?: number;
};

function event(task: CalendarTask): EventAttributes {
	return {
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
		...(task.sequence === undefined ? {} : { sequence: task.sequence })
	};
}

export function taskCalendar(task: CalendarTask): string {
	const { error, value } = createEvent({ ...event(task), productId: 'busett' });
	if (error || !value) throw new Error(`calendar file: ${error?.message ?? 'empty'}`);
	return value;
}

/** a volunteer's tasks as one calendar, for the feed at their secret address */
export function feedCalendar(tasks: CalendarTask[], name: string): string {
	const { error, value } = createEvents(tasks.map(event), { productId: 'busett', calName: name });
	if (error || !value) throw new Error(`calendar feed: ${error?.message ?? 'empty'}`);
	return value.replace('X-WR-CALNAME:', `X-WR-TIMEZONE:${TIME_ZONE}\r\nX-WR-CALNAME:`);
}
