// The mails about changes to tasks and about volunteers' readiness: a task changed or
// cancelled (to everyone on it), a task short of volunteers 48 hours before (to staff), a
// police certificate that runs out soon (to the volunteer and to staff), and hours staff
// corrected or rejected (to the volunteer, with staff's note).
import { z } from 'zod';
import { formatDate, formatDateTime, formatNumber } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { taskCalendar } from '$lib/server/files/ics';
import type { Template } from './templates';

const define = <S extends z.ZodType>(template: Template<S>) => template;
const id = z.guid();

// what the sql functions put in every mail to a volunteer on a task
const onTask = {
	name: z.string().max(200),
	title: z.string().min(1).max(200),
	starts_at: z.iso.datetime({ offset: true }),
	ends_at: z.iso.datetime({ offset: true }),
	locality: z.string().max(100),
	confirmed: z.boolean(),
	task_id: id
};

// a changed task's calendar file must outrank the one sent before: minutes since 2020
export const sequenceNow = () => Math.floor((Date.now() - Date.UTC(2020, 0, 1)) / 60_000);

export const taskChangeTemplates = {
	task_changed: define({
		schema: z.object({ ...onTask, changed: z.array(z.enum(['time', 'place', 'address'])).min(1) }),
		category: null,
		content: (p, locale: Locale, links) => {
			const when = formatDateTime(p.starts_at, locale);
			const lines = {
				time: () => m.tchg_mail_changed_time({ when, ends: formatDateTime(p.ends_at, locale) }, { locale }),
				place: () => m.tchg_mail_changed_place({ locality: p.locality }, { locale }),
				address: () => m.tchg_mail_changed_address({}, { locale })
			};
			return {
				subject: m.tchg_mail_changed_subject({ title: p.title }, { locale }),
				name: p.name,
				paragraphs: [
					m.tchg_mail_changed_body({ title: p.title }, { locale }),
					...p.changed.map((c) => lines[c]()),
					p.confirmed ? m.tchg_mail_changed_confirmed({}, { locale }) : m.tchg_mail_changed_waitlisted({}, { locale })
				],
				action: { label: m.mail_task_action({}, { locale }), url: links.volunteerTask(p.task_id) },
				reason: m.mail_signup_reason({}, { locale }),
				attachments: p.confirmed
					? [
							{
								filename: 'oppdrag.ics',
								contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
								content: taskCalendar({ id: p.task_id, ...p, url: links.volunteerTask(p.task_id), sequence: sequenceNow() })
							}
						]
					: undefined
			};
		}
	}),
	task_cancelled: define({
		schema: z.object({ ...onTask, reason: z.string().max(1000) }),
		category: null,
		content: (p, locale: Locale, links) => ({
			subject: m.tchg_mail_cancelled_subject({ title: p.title }, { locale }),
			name: p.name,
			paragraphs: [
				m.tchg_mail_cancelled_body({ title: p.title, when: formatDateTime(p.starts_at, locale) }, { locale }),
				...(p.reason ? [m.tchg_mail_cancelled_reason({ reason: p.reason }, { locale })] : []),
				...(p.confirmed ? [m.tchg_mail_cancelled_calendar({}, { locale })] : [])
			],
			action: { label: m.mail_task_action({}, { locale }), url: links.volunteerTask(p.task_id) },
			reason: m.mail_signup_reason({}, { locale })
		})
	}),
	task_short_of_volunteers: define({
		schema: z.object({
			title: z.string().min(1).max(200),
			starts_at: z.iso.datetime({ offset: true }),
			locality: z.string().max(100),
			confirmed: z.number().int().min(0),
			needed: z.number().int().min(1),
			task_id: id
		}),
		category: null,
		content: (p, locale: Locale, links) => ({
			subject: m.tchg_mail_short_subject({ title: p.title }, { locale }),
			paragraphs: [
				m.tchg_mail_short_body(
					{ title: p.title, when: formatDateTime(p.starts_at, locale), locality: p.locality, confirmed: p.confirmed, needed: p.needed },
					{ locale }
				)
			],
			action: { label: m.mail_task_action({}, { locale }), url: links.staffTask(p.task_id) },
			reason: m.mail_staff_reason({}, { locale })
		})
	}),
	// review_hours (20261203130000): staff corrected or rejected reported hours, and why
	hours_reviewed: define({
		schema: z.object({
			name: z.string().max(200),
			title: z.string().min(1).max(200),
			starts_at: z.iso.datetime({ offset: true }),
			review: z.enum(['corrected', 'rejected']),
			reported: z.number().min(0).max(24),
			hours: z.number().min(0).max(24).nullable(),
			note: z.string().min(1).max(1000),
			task_id: id
		}),
		category: null,
		content: (p, locale: Locale, links) => {
			const words = { title: p.title, when: formatDateTime(p.starts_at, locale), reported: formatNumber(p.reported, locale) };
			return {
				subject: m.hours_mail_subject({ title: p.title }, { locale }),
				name: p.name,
				paragraphs: [
					p.review === 'corrected'
						? m.hours_mail_corrected({ ...words, hours: formatNumber(p.hours, locale) }, { locale })
						: m.hours_mail_rejected(words, { locale }),
					m.hours_mail_note({ note: p.note }, { locale })
				],
				action: { label: m.mail_task_action({}, { locale }), url: links.volunteerTask(p.task_id) },
				reason: m.mail_signup_reason({}, { locale })
			};
		}
	}),
	certificate_expiring: define({
		schema: z.object({ name: z.string().max(200), expires_on: z.iso.date() }),
		category: null,
		content: (p, locale: Locale, links) => ({
			subject: m.tchg_mail_cert_subject({ date: formatDate(p.expires_on, locale) }, { locale }),
			name: p.name,
			paragraphs: [m.tchg_mail_cert_body({ date: formatDate(p.expires_on, locale) }, { locale })],
			action: { label: m.tchg_mail_cert_action({}, { locale }), url: links.volunteerProfile() },
			reason: m.tchg_mail_cert_reason({}, { locale })
		})
	}),
	certificate_expiring_staff: define({
		schema: z.object({ volunteer: z.string().max(200), expires_on: z.iso.date(), volunteer_id: id }),
		category: null,
		content: (p, locale: Locale, links) => ({
			subject: m.tchg_mail_cert_staff_subject({}, { locale }),
			paragraphs: [m.tchg_mail_cert_staff_body({ volunteer: p.volunteer, date: formatDate(p.expires_on, locale) }, { locale })],
			action: { label: m.tchg_mail_cert_staff_action({}, { locale }), url: links.staffVolunteer(p.volunteer_id) },
			reason: m.mail_staff_reason({}, { locale })
		})
	})
};
