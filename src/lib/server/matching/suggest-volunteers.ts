// Suggested volunteers for a task: pure code, no I/O (db/invitations.ts gathers the input).
// Hard rules first — a task with children needs a police certificate staff have seen,
// valid on the day; volunteers already signed up or invited are not suggested again —
// then a score in parts, each with the reason staff read: languages, locality, free in
// that slot, skills, and how often they were asked lately.
import { osloParts } from '$lib/dates';
import { awayDuring, awayPeriods } from './away';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export type TaskInput = {
	type: string;
	startsAt: string;
	endsAt: string;
	locality: string;
	neededLanguages: string[];
	neededSkills: string[];
	requiresCertificate: boolean;
	/** the languages of the household the task is for, if any */
	householdLanguages: string[];
};

export type VolunteerInput = {
	id: string;
	name: string;
	languages: { language: string; level: 'basic' | 'conversational' | 'fluent' | 'native'; interpreting: boolean }[];
	skills: string[];
	localities: string[];
	availability: Partial<Record<Weekday, PartOfDay[]>>;
	datesAway: string;
	maxTasksPerMonth: number;
	/** a police certificate that counts for this task: judged by the database
	 * (public.certificate_valid_on, through volunteer_candidates), as sign-up judges it */
	certificateValid: boolean;
	/** the volunteer's confirmed places on other open tasks */
	busy: { startsAt: string; endsAt: string }[];
	/** invitations sent to them in the last 30 days */
	recentInvitations: number;
	/** already on this task, or already invited to it */
	already: 'signed_up' | 'invited' | null;
};

export type Reason =
	| { kind: 'languages'; points: number; spoken: string[]; missing: string[] }
	| { kind: 'interpreting'; points: number; languages: string[] }
	| { kind: 'locality'; points: number; locality: string; helps: boolean }
	| { kind: 'slot'; points: number; fit: 'free' | 'partly' | 'not_free' | 'unknown' }
	| { kind: 'away'; points: number }
	| { kind: 'busy'; points: number }
	| { kind: 'month_full'; points: number; count: number; max: number }
	| { kind: 'skills'; points: number; has: string[]; missing: string[] }
	| { kind: 'recent'; points: number; count: number };

export type Suggestion = { volunteer: VolunteerInput; score: number; reasons: Reason[] };
export type Excluded = { volunteer: VolunteerInput; why: 'certificate' | 'signed_up' | 'invited' };

export const WEIGHTS = { languages: 30, interpreting: 10, locality: 20, slot: 20, skills: 15, recent: 15 } as const;
/** a clash (away, another task then, month full) puts a volunteer below everyone free */
const CLASH = -100;

const LEVEL_WEIGHT = { basic: 0.5, conversational: 1, fluent: 1, native: 1 } as const;

/** an instant's date (YYYY-MM-DD), weekday and hour on the Norwegian clock */
export function osloClock(at: Date): { date: string; weekday: Weekday; hour: number } {
	const p = osloParts(at);
	return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday.toLowerCase().slice(0, 3) as Weekday, hour: +p.hour };
}

export function partOfDay(hour: number): PartOfDay | null {
	if (hour >= 6 && hour < 12) return 'morning';
	if (hour >= 12 && hour < 17) return 'afternoon';
	if (hour >= 17) return 'evening';
	return null;
}

/** the weekday × part-of-day slots a task's time window touches, in Norway */
export function slotsOf(startsAt: string, endsAt: string): { weekday: Weekday; part: PartOfDay }[] {
	const slots = new Map<string, { weekday: Weekday; part: PartOfDay }>();
	const end = new Date(endsAt).getTime();
	// hour by hour, at most two days: longer windows are "flexible" and judged by their start
	for (let t = new Date(startsAt).getTime(), n = 0; t < end && n < 48; t += 3600_000, n++) {
		const clock = osloClock(new Date(t));
		const part = partOfDay(clock.hour);
		if (part) slots.set(`${clock.weekday}:${part}`, { weekday: clock.weekday, part });
	}
	return [...slots.values()];
}

const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
	new Date(a.startsAt) < new Date(b.endsAt) && new Date(b.startsAt) < new Date(a.endsAt);

export function scoreVolunteer(task: TaskInput, v: VolunteerInput): Suggestion {
	const reasons: Reason[] = [];
	const spokenLevel = new Map(v.languages.map((l) => [l.language, LEVEL_WEIGHT[l.level]]));

	const wanted = [...new Set([...task.householdLanguages, ...task.neededLanguages])];
	if (wanted.length > 0) {
		const spoken = wanted.filter((l) => spokenLevel.has(l));
		const share = wanted.reduce((sum, l) => sum + (spokenLevel.get(l) ?? 0), 0) / wanted.length;
		reasons.push({
			kind: 'languages',
			points: Math.round(WEIGHTS.languages * share),
			spoken,
			missing: wanted.filter((l) => !spokenLevel.has(l))
		});
	}
	if (task.type === 'interpreting') {
		const offered = v.languages
			.filter((l) => l.interpreting && (wanted.length === 0 || wanted.includes(l.language)))
			.map((l) => l.language);
		if (offered.length > 0) reasons.push({ kind: 'interpreting', points: WEIGHTS.interpreting, languages: offered });
	}

	const helps = v.localities.some((l) => l.toLowerCase() === task.locality.toLowerCase());
	reasons.push({ kind: 'locality', points: helps ? WEIGHTS.locality : 0, locality: task.locality, helps });

	const slots = slotsOf(task.startsAt, task.endsAt);
	const given = Object.values(v.availability).some((parts) => (parts ?? []).length > 0);
	const covered = slots.filter((s) => v.availability[s.weekday]?.includes(s.part)).length;
	const fit = !given || slots.length === 0 ? 'unknown' : covered === slots.length ? 'free' : covered > 0 ? 'partly' : 'not_free';
	const slotPoints = { free: WEIGHTS.slot, partly: WEIGHTS.slot / 2, unknown: 0, not_free: 0 }[fit];
	reasons.push({ kind: 'slot', points: slotPoints, fit });

	const first = osloClock(new Date(task.startsAt));
	const last = osloClock(new Date(new Date(task.endsAt).getTime() - 1));
	if (awayDuring(awayPeriods(v.datesAway, +first.date.slice(0, 4)), first.date, last.date)) reasons.push({ kind: 'away', points: CLASH });
	if (v.busy.some((b) => overlaps(b, task))) reasons.push({ kind: 'busy', points: CLASH });
	const month = first.date.slice(0, 7);
	const inMonth = v.busy.filter((b) => osloClock(new Date(b.startsAt)).date.slice(0, 7) === month).length;
	if (inMonth >= v.maxTasksPerMonth) reasons.push({ kind: 'month_full', points: CLASH, count: inMonth, max: v.maxTasksPerMonth });

	if (task.neededSkills.length > 0) {
		const has = task.neededSkills.filter((s) => v.skills.includes(s));
		reasons.push({
			kind: 'skills',
			points: Math.round((WEIGHTS.skills * has.length) / task.neededSkills.length),
			has,
			missing: task.neededSkills.filter((s) => !v.skills.includes(s))
		});
	}

	// each invitation of the last 30 days costs a third of the part: spread the asking
	const recent = Math.max(0, WEIGHTS.recent - 5 * v.recentInvitations);
	reasons.push({ kind: 'recent', points: recent, count: v.recentInvitations });

	return { volunteer: v, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** the volunteers a task could go to, best fit first, and those left out by a hard rule */
export function suggestVolunteers(task: TaskInput, volunteers: VolunteerInput[]): { suggested: Suggestion[]; excluded: Excluded[] } {
	const excluded: Excluded[] = [];
	const suggested: Suggestion[] = [];
	for (const v of volunteers) {
		if (v.already) excluded.push({ volunteer: v, why: v.already });
		else if (task.requiresCertificate && !v.certificateValid) excluded.push({ volunteer: v, why: 'certificate' });
		else suggested.push(scoreVolunteer(task, v));
	}
	// ties: the one asked least lately, then by name, so the order is stable
	suggested.sort(
		(a, b) =>
			b.score - a.score || a.volunteer.recentInvitations - b.volunteer.recentInvitations || a.volunteer.name.localeCompare(b.volunteer.name)
	);
	return { suggested, excluded };
}
