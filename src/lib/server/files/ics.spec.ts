import { describe, expect, it } from 'vitest';
import { feedCalendar, taskCalendar } from './ics';

describe('taskCalendar', () => {
	it('writes the task’s window so it shows at the right Norwegian time', () => {
		const ics = taskCalendar({
			id: 't1',
			title: 'Hente møblar',
			starts_at: '2027-03-02T10:00:00+01:00',
			ends_at: '2027-03-02T13:00:00+01:00',
			locality: 'Lid',
			url: 'https://busett.example.no/volunteer/tasks/t1'
		});
		expect(ics).toContain('BEGIN:VEVENT');
		const start = ics.match(/DTSTART:(\d{8}T\d{6}Z)/)![1];
		const end = ics.match(/DTEND:(\d{8}T\d{6}Z)/)![1];
		const parse = (s: string) =>
			new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
		const oslo = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(d);
		expect(oslo(parse(start))).toBe('10:00');
		expect(oslo(parse(end))).toBe('13:00');
		expect(ics).toContain('SUMMARY:Hente møblar');
		expect(ics).toContain('UID:t1@busett');
	});
});

describe('feedCalendar', () => {
	it('holds every task given as its own event, in a calendar that names Norwegian time', () => {
		const task = (id: string, start: string) => ({
			id,
			title: `Oppdrag ${id}`,
			starts_at: start,
			ends_at: start.replace('T10', 'T12'),
			locality: 'Lid',
			url: `https://x/${id}`
		});
		const ics = feedCalendar([task('a', '2027-01-05T10:00:00+01:00'), task('b', '2027-07-05T10:00:00+02:00')], 'Mine oppdrag');
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(ics).toContain('X-WR-TIMEZONE:Europe/Oslo');
		expect(ics).toContain('X-WR-CALNAME:Mine oppdrag');
		// 10:00 in Oslo is 09:00 UTC in winter and 08:00 UTC in summer
		expect(ics).toContain('DTSTART:20270105T090000Z');
		expect(ics).toContain('DTSTART:20270705T080000Z');
	});

	it('is a valid, empty calendar when there are no tasks', () => {
		const ics = feedCalendar([], 'Mine oppdrag');
		expect(ics).toMatch(/^BEGIN:VCALENDAR/);
		expect(ics).not.toContain('BEGIN:VEVENT');
	});
});
