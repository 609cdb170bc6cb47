// Staff's invitations of volunteers to a task, and what the ranking needs to suggest them.
// Sending (with the mail) and answering are the database's (invite_volunteers,
// answer_task_invitation), so a sign-up from an invitation follows every sign-up rule.
import { Constants, type Database } from '$lib/database.types';
import { fromBytea, newToken, parseToken, secretMatches } from '$lib/server/auth/tokens';
import type { PartOfDay, VolunteerInput, Weekday } from '$lib/server/matching/suggest-volunteers';
import { z } from 'zod';
import { db } from './client';
import { shape } from './shape';
import { SignupRefused, type Refusal } from './tasks';

export type InvitationAnswer = Database['public']['Enums']['invitation_answer'];
type SignupStatus = Database['public']['Enums']['signup_status'];

const REFUSALS = ['task_closed', 'already_signed_up', 'overlap', 'certificate_required', 'unverified'];
const DAY = 24 * 3600_000;

/**
 * a task as staff invite to it, with the languages of its household (nothing else of it),
 * its sign-ups, and its invitations newest first with each volunteer's name
 */
export async function task(id: string) {
	const { data, error } = await db()
		.from('tasks')
		.select(
			'id, type, title, starts_at, ends_at, locality, volunteers_needed, needed_languages, needed_skills, requires_police_certificate, status, household:households(languages), signups(volunteer_id, status), task_invitations(id, volunteer_id, sent_at, expires_at, answered_at, answer, outcome, volunteer:users!task_invitations_volunteer_id_fkey(display_name))'
		)
		.eq('id', id)
		.order('sent_at', { referencedTable: 'task_invitations', ascending: false })
		.maybeSingle();
	if (error) throw new Error(`reading a task: ${error.message}`);
	return data;
}

const PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const satisfies readonly PartOfDay[];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];

// volunteer_candidates (20261202110000_one_home_for_each_rule.sql)
const candidatesShape = z.array(
	z.object({
		id: z.string(),
		display_name: z.string(),
		profile: z
			.object({
				skills: z.array(z.string()),
				localities: z.array(z.string()),
				availability: z.partialRecord(z.enum(WEEKDAYS), z.array(z.enum(PARTS_OF_DAY))).nullable(),
				dates_away: z.string(),
				max_tasks_per_month: z.number().int(),
				/** public.certificate_valid_on for the task's end */
				certificate_valid: z.boolean(),
				volunteer_languages: z.array(
					z.object({ language: z.string(), level: z.enum(Constants.public.Enums.language_level), interpreting: z.boolean() })
				)
			})
			.nullable(),
		busy: z.array(z.object({ starts_at: z.string(), ends_at: z.string() })),
		recent: z.number().int()
	})
);

/** every volunteer as the ranking sees them, for one task */
export async function candidates(
	t: { id: string; starts_at: string; ends_at: string },
	signedUp: Set<string>,
	invited: Set<string>
): Promise<VolunteerInput[]> {
	const from = new Date(new Date(t.starts_at).getTime() - 40 * DAY).toISOString();
	const until = new Date(new Date(t.ends_at).getTime() + 40 * DAY).toISOString();
	// each volunteer with their places on other open tasks around the time (for clashes and
	// the monthly maximum) and their invitations of the last 30 days, in one read
	const { data, error } = await db().rpc('volunteer_candidates', {
		p_task: t.id,
		p_from: from,
		p_until: until,
		p_since: new Date(Date.now() - 30 * DAY).toISOString()
	});
	if (error) throw new Error(`reading volunteers to suggest: ${error.message}`);
	const people = shape('volunteer_candidates', candidatesShape, data);
	return people.map((u) => {
		const p = u.profile;
		return {
			id: u.id,
			name: u.display_name,
			languages: p?.volunteer_languages ?? [],
			skills: p?.skills ?? [],
			localities: p?.localities ?? [],
			availability: p?.availability ?? {},
			datesAway: p?.dates_away ?? '',
			maxTasksPerMonth: p?.max_tasks_per_month ?? 4,
			certificateValid: p?.certificate_valid ?? false,
			busy: u.busy.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at })),
			recentInvitations: u.recent,
			already: signedUp.has(u.id) ? 'signed_up' : invited.has(u.id) ? 'invited' : null
		};
	});
}

/** one invitation: `token` (id.secret) goes in the mail, whose accept and decline links the renderer makes */
export type NewInvitation = { volunteer_id: string; token_id: string; secret_hash: string; token: string };

/** invitations and their mails in one transaction; returns how many were sent */
export async function invite(taskId: string, staffId: string, invitations: NewInvitation[]): Promise<number> {
	const { data, error } = await db().rpc('invite_volunteers', { p_task: taskId, p_staff: staffId, p_invitations: invitations });
	if (error?.hint === 'task_closed') throw new SignupRefused('task_closed');
	if (error) throw new Error(`inviting: ${error.message}`);
	return data;
}

/** an invitation behind a link, answered or not, with its task */
export async function byId(id: string) {
	const { data, error } = await db()
		.from('task_invitations')
		.select('id, secret_hash, expires_at, answered_at, answer, outcome, task:tasks(id, title, starts_at, ends_at, locality, status)')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`reading an invitation: ${error.message}`);
	return data;
}

/** the answer, or null when the invitation is unknown, answered or expired */
export async function answer(id: string, accept: boolean): Promise<{ answer: InvitationAnswer; outcome: SignupStatus | null } | null> {
	const { data, error } = await db().rpc('answer_task_invitation', { p_invitation: id, p_accept: accept });
	if (error?.hint && REFUSALS.includes(error.hint)) throw new SignupRefused(error.hint as Refusal);
	if (error) throw new Error(`answering an invitation: ${error.message}`);
	const row = data?.[0];
	return row?.answer ? { answer: row.answer, outcome: row.outcome } : null;
}

// Invitations to a task by mail, with accept and decline links that work without logging
// in: a single-use token (id.secret) per invitation, only the secret's SHA-256 hash
// stored, valid until the task starts.

export type Answer = 'accept' | 'decline';

/** invite these volunteers; returns how many were invited (others were already asked or signed up) */
export async function inviteVolunteers(taskId: string, staffId: string, volunteerIds: string[]): Promise<number> {
	const rows = volunteerIds.map((volunteerId) => {
		const token = newToken();
		return {
			volunteer_id: volunteerId,
			token_id: token.id,
			secret_hash: Buffer.from(token.secretHash).toString('hex'),
			token: token.token
		};
	});
	return invite(taskId, staffId, rows);
}

export type Opened =
	| { state: 'invalid' }
	| {
			state: 'open' | 'answered' | 'expired';
			id: string;
			task: { id: string; title: string; starts_at: string; ends_at: string; locality: string };
	  };

/** the invitation behind a link: open, already answered, expired — or not a genuine link */
export async function openInvitation(token: string): Promise<Opened> {
	const parsed = parseToken(token);
	if (!parsed) return { state: 'invalid' };
	const found = await byId(parsed.id);
	if (!found || !found.task || !secretMatches(parsed.secret, fromBytea(found.secret_hash))) return { state: 'invalid' };
	const now = Date.now();
	const state = found.answered_at
		? 'answered'
		: new Date(found.expires_at).getTime() <= now || new Date(found.task.starts_at).getTime() <= now
			? 'expired'
			: 'open';
	return { state, id: found.id, task: found.task };
}

/** answer through the link; null when it can no longer be answered */
export async function answerInvitation(token: string, choice: Answer) {
	const opened = await openInvitation(token);
	if (opened.state !== 'open') return null;
	return answer(opened.id, choice === 'accept');
}
