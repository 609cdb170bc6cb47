// Volunteers as staff see them: filters, certificates, and who needs a new one soon.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { db } from './client';
import { shape } from './shape';

const profileShape = z.object({
	phone: z.string(),
	skills: z.array(z.string()),
	localities: z.array(z.string()),
	police_certificate_status: z.enum(Constants.public.Enums.police_certificate_status),
	police_certificate_expires_on: z.string().nullable(),
	/** public.certificate_expiring_soon: valid, and runs out within 30 days (Norwegian dates) */
	certificate_expiring_soon: z.boolean().nullable(),
	volunteer_languages: z.array(z.object({ language: z.string(), level: z.string() }))
});
type Profile = z.output<typeof profileShape>;
// one profile per volunteer (the key is the user's id); PostgREST may give it as a list
const embedded = z.union([profileShape, z.array(profileShape)]).nullable();

export type VolunteerFilters = {
	language?: string;
	skill?: string;
	locality?: string;
	certificate?: 'none' | 'requested' | 'valid' | 'expired';
};

export async function list(filters: VolunteerFilters) {
	let query = db()
		.from('users')
		.select(
			'id, email, display_name, roles:user_roles!inner(role), profile:volunteer_profiles!volunteer_profiles_user_id_fkey(phone, skills, localities, police_certificate_status, police_certificate_expires_on, certificate_expiring_soon, volunteer_languages(language, level))'
		)
		.eq('roles.role', 'volunteer')
		.order('display_name');
	if (filters.certificate) query = query.eq('profile.police_certificate_status', filters.certificate);
	const { data, error } = await query.limit(1000);
	if (error) throw new Error(`listing volunteers: ${error.message}`);
	return data
		.map((u) => {
			const raw = shape('volunteer profile', embedded, u.profile);
			const p: Profile | null = Array.isArray(raw) ? (raw[0] ?? null) : raw;
			return {
				id: u.id,
				name: u.display_name,
				email: u.email,
				phone: p?.phone ?? '',
				skills: p?.skills ?? [],
				localities: p?.localities ?? [],
				languages: (p?.volunteer_languages ?? []).map((l) => l.language),
				certificate: p?.police_certificate_status ?? 'none',
				expires: p?.police_certificate_expires_on ?? null,
				expiringSoon: p?.certificate_expiring_soon ?? false
			};
		})
		.filter((v) => !filters.certificate || v.certificate === filters.certificate)
		.filter((v) => !filters.language || v.languages.includes(filters.language))
		.filter((v) => !filters.skill || v.skills.includes(filters.skill))
		.filter((v) => !filters.locality || v.localities.includes(filters.locality));
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
