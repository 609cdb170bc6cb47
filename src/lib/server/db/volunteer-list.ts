// Volunteers as staff see them: filters, certificates, and who needs a new one soon.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { rangeOf, type ListState } from '$lib/schemas/list';
import { db } from './client';
import { shape } from './shape';

// staff_volunteers_page (20261205020000_lists_in_sql.sql)
const pageShape = z.object({
	total: z.number().int(),
	rows: z.array(
		z.object({
			id: z.string(),
			name: z.string(),
			email: z.string(),
			phone: z.string(),
			skills: z.array(z.string()),
			localities: z.array(z.string()),
			languages: z.array(z.string()),
			certificate: z.enum(Constants.public.Enums.police_certificate_status),
			expires: z.string().nullable()
		})
	),
	/** public.certificate_expiring_soon: valid, and runs out within 30 days (Norwegian dates) */
	expiring: z.array(z.object({ id: z.string(), name: z.string(), expires: z.string() }))
});

export type VolunteerFilters = ListState<'name' | 'created_at' | 'expires'> & {
	language?: string;
	skill?: string;
	locality?: string;
	certificate?: 'none' | 'requested' | 'valid' | 'expired';
};

/** one page of volunteers, every filter in SQL, with the total and who needs a new certificate soon */
export async function list(filters: VolunteerFilters) {
	const { data, error } = await db().rpc('staff_volunteers_page', {
		p_filters: {
			language: filters.language ?? null,
			skill: filters.skill ?? null,
			locality: filters.locality ?? null,
			certificate: filters.certificate ?? null,
			sort: filters.sort,
			dir: filters.dir,
			size: filters.size,
			offset: rangeOf(filters).from
		}
	});
	if (error) throw new Error(`listing volunteers: ${error.message}`);
	return shape('staff_volunteers_page', pageShape, data);
}

export async function recordCertificate(volunteerId: string, staffId: string, seenOn: string, expiresOn: string) {
	const { error } = await db().rpc('record_police_certificate', {
		p_volunteer: volunteerId,
		p_staff: staffId,
		p_seen_on: seenOn,
		p_expires_on: expiresOn
	});
	if (error) throw new Error(`recording a certificate: ${error.message}`);
}

/** one volunteer for staff: who they are, their certificate, and every task they signed up for */
export async function history(id: string) {
	const { data, error } = await db()
		.from('users')
		.select(
			'id, email, display_name, created_at, roles:user_roles!inner(role), profile:volunteer_profiles!volunteer_profiles_user_id_fkey(phone, skills, localities, max_tasks_per_month, dates_away, police_certificate_status, police_certificate_seen_on, police_certificate_expires_on, seen_by:users!volunteer_profiles_police_certificate_seen_by_fkey(display_name), volunteer_languages(language, level, interpreting)), signups!signups_volunteer_id_fkey(id, status, hours, hours_approved_at, no_show_at, task:tasks(id, title, starts_at, ends_at, locality, status))'
		)
		.eq('id', id)
		.eq('roles.role', 'volunteer')
		.maybeSingle();
	if (error) throw new Error(`reading a volunteer: ${error.message}`);
	if (!data) return null;
	const raw = data.profile as unknown;
	const profile = (Array.isArray(raw) ? (raw[0] ?? null) : raw) as (typeof data.profile & object) | null;
	const tasks = data.signups
		.filter((s) => s.task)
		.map((s) => ({
			signupId: s.id,
			...s.task!,
			signup: s.status,
			noShow: Boolean(s.no_show_at),
			hours: s.hours,
			hoursApproved: Boolean(s.hours_approved_at)
		}))
		.sort((a, b) => b.starts_at.localeCompare(a.starts_at));
	return { id: data.id, name: data.display_name, email: data.email, since: data.created_at, profile, tasks };
}
