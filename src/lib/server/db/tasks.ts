// Tasks and sign-ups as volunteers see them. Capacity, waitlist, overlaps and the
// police-certificate gate are the database's (sign_up_for_task, withdraw_signup).
import { z } from 'zod';
import { Constants, type Database } from '$lib/database.types';
import { rangeOf, type ListState } from '$lib/schemas/list';
import { db } from './client';
import { shape } from './shape';

export type SignupStatus = Database['public']['Enums']['signup_status'];

const REFUSALS = ['task_closed', 'already_signed_up', 'overlap', 'certificate_required', 'unverified'] as const;
export type Refusal = (typeof REFUSALS)[number];
export class SignupRefused extends Error {
	readonly reason: Refusal;
	constructor(reason: Refusal) {
		super(reason);
		this.reason = reason;
	}
}

const PUBLIC_FIELDS =
	'id, type, title, description, starts_at, ends_at, locality, volunteers_needed, needed_languages, needed_skills, requires_police_certificate, status';

// volunteer_tasks_page (20261205020000_lists_in_sql.sql)
const openPage = z.object({
	total: z.number().int(),
	rows: z.array(
		z.object({
			id: z.string(),
			type: z.enum(Constants.public.Enums.task_type),
			title: z.string(),
			starts_at: z.string(),
			ends_at: z.string(),
			locality: z.string(),
			volunteers_needed: z.number().int(),
			needed_languages: z.array(z.string()),
			needed_skills: z.array(z.string()),
			requires_police_certificate: z.boolean(),
			fits: z.boolean(),
			taken: z.number().int(),
			places_left: z.number().int()
		})
	),
	localities: z.array(z.string())
});

export type OpenFilters = ListState<'starts_at'> & { type?: Database['public']['Enums']['task_type']; locality?: string; fits: boolean };

/**
 * one page of the open tasks still to come, soonest first, filtered in SQL by place, type and
 * whether it fits this volunteer (task_fits), with the places left (never the address), and
 * the places there are open tasks in
 */
export async function open(volunteerId: string, filters: OpenFilters) {
	const { data, error } = await db().rpc('volunteer_tasks_page', {
		p_volunteer: volunteerId,
		p_filters: {
			type: filters.type ?? null,
			locality: filters.locality ?? null,
			fits: filters.fits,
			size: filters.size,
			offset: rangeOf(filters).from
		}
	});
	if (error) throw new Error(`listing tasks: ${error.message}`);
	const page = shape('volunteer_tasks_page', openPage, data);
	return { ...page, localities: page.localities.sort((a, b) => a.localeCompare(b, 'nb')) };
}

/** one task with its sign-ups, never the address (addressFor decides who reads that) */
export async function one(id: string) {
	const { data, error } = await db()
		.from('tasks')
		.select(
			`${PUBLIC_FIELDS}, signups(volunteer_id, status, joined_at, id, hours, hours_approved_at, hours_review, hours_reported, hours_note)`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`reading a task: ${error.message}`);
	return data;
}

/** the task's exact address if this volunteer may read it now (task_address_for: a confirmed place, from 48 hours before), else null */
export async function addressFor(taskId: string, volunteerId: string): Promise<string | null> {
	const { data, error } = await db().rpc('task_address_for', { p_task: taskId, p_volunteer: volunteerId });
	if (error) throw new Error(`reading a task's address: ${error.message}`);
	return data ?? null;
}

export async function signUp(taskId: string, volunteerId: string): Promise<SignupStatus> {
	const { data, error } = await db().rpc('sign_up_for_task', { p_task: taskId, p_volunteer: volunteerId });
	if (error?.hint && (REFUSALS as readonly string[]).includes(error.hint)) throw new SignupRefused(error.hint as Refusal);
	if (error) throw new Error(`signing up: ${error.message}`);
	return data;
}

export async function withdraw(taskId: string, volunteerId: string): Promise<boolean> {
	const { data, error } = await db().rpc('withdraw_signup', { p_task: taskId, p_volunteer: volunteerId });
	if (error) throw new Error(`withdrawing: ${error.message}`);
	return data;
}

/** what the volunteer's home page needs about them: their profile, their tasks and when their calendar address was made, in one request */
export async function me(volunteerId: string) {
	const { data, error } = await db()
		.from('users')
		.select(
			`profile:volunteer_profiles!volunteer_profiles_user_id_fkey(localities, skills, volunteer_languages(language)),
			signups!signups_volunteer_id_fkey(status, joined_at, task:tasks(id, title, starts_at, ends_at, locality, status)),
			calendar_feeds(created_at)`
		)
		.eq('id', volunteerId)
		.in('signups.status', ['confirmed', 'waitlisted'])
		.order('joined_at', { referencedTable: 'signups' })
		.maybeSingle();
	if (error) throw new Error(`reading a volunteer's profile and tasks: ${error.message}`);
	return {
		localities: data?.profile?.localities ?? [],
		skills: data?.profile?.skills ?? [],
		languages: (data?.profile?.volunteer_languages ?? []).map((l) => l.language),
		mine: data?.signups ?? [],
		feedMadeAt: data?.calendar_feeds?.created_at ?? null
	};
}

export async function reportHours(taskId: string, volunteerId: string, hours: number): Promise<boolean> {
	const { data, error } = await db().rpc('report_hours', { p_task: taskId, p_volunteer: volunteerId, p_hours: hours });
	if (error) throw new Error(`reporting hours: ${error.message}`);
	return data;
}
