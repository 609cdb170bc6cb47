import { describe, expect, it } from 'vitest';
import { awayPeriods } from './away';
import { slotsOf, suggestVolunteers, type TaskInput, type VolunteerInput } from './suggest-volunteers';

// Saturday 5 June 2027, 10:00–14:00 in Norway (summer time: 08:00–12:00 UTC)
const task: TaskInput = {
	type: 'move_in',
	startsAt: '2027-06-05T08:00:00Z',
	endsAt: '2027-06-05T12:00:00Z',
	locality: 'Lid',
	neededLanguages: [],
	neededSkills: ['driving_licence'],
	requiresCertificate: false,
	householdLanguages: ['uk']
};

const volunteer = (over: Partial<VolunteerInput> = {}): VolunteerInput => ({
	id: 'v',
	name: 'Vera',
	languages: [{ language: 'nn', level: 'native', interpreting: false }],
	skills: [],
	localities: [],
	availability: {},
	datesAway: '',
	maxTasksPerMonth: 4,
	certificateValid: false,
	busy: [],
	recentInvitations: 0,
	already: null,
	...over
});

const good = volunteer({
	id: 'good',
	name: 'Olena',
	languages: [{ language: 'uk', level: 'native', interpreting: true }],
	skills: ['driving_licence'],
	localities: ['Lid'],
	availability: { sat: ['morning', 'afternoon'] }
});

describe('suggestVolunteers', () => {
	it('puts the volunteer who speaks the language, helps in the place, is free and has the skills first', () => {
		const { suggested } = suggestVolunteers(task, [volunteer({ id: 'other', name: 'Anna' }), good]);
		expect(suggested.map((s) => s.volunteer.id)).toEqual(['good', 'other']);
		const kinds = Object.fromEntries(suggested[0].reasons.map((r) => [r.kind, r]));
		expect(kinds.languages).toMatchObject({ spoken: ['uk'], missing: [] });
		expect(kinds.locality).toMatchObject({ helps: true });
		expect(kinds.slot).toMatchObject({ fit: 'free' });
		expect(kinds.skills).toMatchObject({ has: ['driving_licence'], missing: [] });
		expect(suggested[1].reasons.find((r) => r.kind === 'languages')).toMatchObject({ spoken: [], missing: ['uk'] });
	});

	it('prefers the one asked fewer times lately when all else is equal', () => {
		const asked = { ...good, id: 'asked', name: 'Aase', recentInvitations: 3 };
		const { suggested } = suggestVolunteers(task, [asked, good]);
		expect(suggested.map((s) => s.volunteer.id)).toEqual(['good', 'asked']);
		expect(suggested[1].reasons.find((r) => r.kind === 'recent')).toMatchObject({ count: 3 });
	});

	it('ranks a volunteer away, busy with another task then, or at their monthly maximum below everyone free', () => {
		const away = { ...good, id: 'away', datesAway: '1.–14. juni' };
		const busy = { ...good, id: 'busy', busy: [{ startsAt: '2027-06-05T11:00:00Z', endsAt: '2027-06-05T13:00:00Z' }] };
		const full = { ...good, id: 'full', maxTasksPerMonth: 1, busy: [{ startsAt: '2027-06-20T08:00:00Z', endsAt: '2027-06-20T09:00:00Z' }] };
		const plain = volunteer({ id: 'plain' });
		const { suggested } = suggestVolunteers(task, [away, busy, full, plain]);
		expect(suggested[0].volunteer.id).toBe('plain');
		expect(suggested.find((s) => s.volunteer.id === 'away')!.reasons.map((r) => r.kind)).toContain('away');
		expect(suggested.find((s) => s.volunteer.id === 'busy')!.reasons.map((r) => r.kind)).toContain('busy');
		expect(suggested.find((s) => s.volunteer.id === 'full')!.reasons).toContainEqual({
			kind: 'month_full',
			points: -100,
			count: 1,
			max: 1
		});
	});

	it('counts interpreting offered in the language extra on an interpreting task', () => {
		const interpreting = { ...task, type: 'interpreting', neededSkills: [] };
		const speaker = { ...good, id: 'speaker', languages: [{ language: 'uk', level: 'native' as const, interpreting: false }] };
		const { suggested } = suggestVolunteers(interpreting, [speaker, good]);
		expect(suggested[0].volunteer.id).toBe('good');
		expect(suggested[0].reasons).toContainEqual({ kind: 'interpreting', points: 10, languages: ['uk'] });
	});

	it('leaves out volunteers without a seen, valid certificate on a task with children, and those already asked or signed up', () => {
		const children = { ...task, requiresCertificate: true };
		const seen = { ...good, id: 'seen', certificateValid: true };
		const expired = { ...good, id: 'expired', certificateValid: false };
		const invited = { ...seen, id: 'invited', already: 'invited' as const };
		const { suggested, excluded } = suggestVolunteers(children, [good, seen, expired, invited]);
		expect(suggested.map((s) => s.volunteer.id)).toEqual(['seen']);
		expect(excluded.map((e) => [e.volunteer.id, e.why])).toEqual([
			['good', 'certificate'],
			['expired', 'certificate'],
			['invited', 'invited']
		]);
	});
});

describe('slotsOf', () => {
	it('finds the weekday and parts of the day of a task on the Norwegian clock', () => {
		expect(slotsOf('2027-06-05T08:00:00Z', '2027-06-05T12:00:00Z')).toEqual([
			{ weekday: 'sat', part: 'morning' },
			{ weekday: 'sat', part: 'afternoon' }
		]);
		// 17:00 in winter is 16:00 UTC
		expect(slotsOf('2027-01-04T16:00:00Z', '2027-01-04T18:00:00Z')).toEqual([{ weekday: 'mon', part: 'evening' }]);
	});
});

describe('awayPeriods', () => {
	it('reads the usual ways of writing periods away, in Nynorsk and English', () => {
		expect(awayPeriods('1–14 July', 2027)).toEqual([{ from: '2027-07-01', to: '2027-07-14' }]);
		expect(awayPeriods('1. juli – 3. august, 2027-09-10', 2027)).toEqual([
			{ from: '2027-07-01', to: '2027-08-03' },
			{ from: '2027-09-10', to: '2027-09-10' }
		]);
		expect(awayPeriods('20.12.–3.1.', 2027)).toEqual([{ from: '2027-12-20', to: '2028-01-03' }]);
		expect(awayPeriods('veit ikkje enno', 2027)).toEqual([]);
	});
});
