// Every notification the product sends, in one place: the payload it needs (checked with
// zod when queued and again when sent) and its content in the recipient's language. The
// content is structured — greeting, paragraphs, one action, why you got it — and
// render.ts turns that one source into both the HTML and the plain-text body. Payloads
// carry ids and tokens, never links: each template makes its links with `links`
// (links.ts, from ORIGIN), so the SQL that queues most of them knows no origin.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { formatDateTime } from '$lib/dates';
import type { Role } from '$lib/roles';
import { inspectionItemNames } from '$lib/labels';
import { MAIL_CATEGORIES, NEEDS_ACTION_KINDS } from '$lib/schemas/choices';
import { INSPECTION_ITEMS } from '$lib/schemas/inspection';
import { needsActionKindName } from '$lib/needs-action';
import { parseToken } from '$lib/server/auth/tokens';
import { taskCalendar } from '$lib/server/files/ics';
import type { Links } from './links';
import { sequenceNow, taskChangeTemplates } from './task-mail';

export type Attachment = { filename: string; content: string; contentType: string };

export type MailContent = {
	/** a fixed text of the template, or staff-typed words (a task's title) and dates: never
	 * what a landlord or volunteer typed, which goes in the body (tests/integration/mail.test.ts) */
	subject: string;
	/** the recipient's name for the greeting, if known */
	name?: string;
	paragraphs: string[];
	action?: { label: string; url: string };
	/** the footer's "you get this e-mail because …" */
	reason: string;
	/** files sent along, e.g. a calendar file */
	attachments?: Attachment[];
};

/** a kind of mail one may choose not to get; each template's is as public.mail_category_of() in SQL */
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

export type Template<S extends z.ZodType> = {
	schema: S;
	/** null: essential (account and safety mails); otherwise a category one can opt out of */
	category: MailCategory | null;
	content: (payload: z.infer<S>, locale: Locale, links: Links) => MailContent;
};

const define = <S extends z.ZodType>(template: Template<S>) => template;

/** what the mail is about: the id of a row, which its link names (any uuid: the seed's are not RFC 4122 ones) */
export const id = z.guid();
/** the token of a link that works without logging in (id.secret); redacted once sent */
export const token = z.string().refine((t) => parseToken(t) !== null, 'not a link token');

type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;

// account mails share one shape: greet by name, say one thing, offer one link (with the
// token of the mail, or to a page of the account's)
type AccountMessages = { subject: Message; body: Message; action: Message; reason: Message };
const accountMail = (msg: AccountMessages, url: (links: Links, token: string) => string) =>
	define({
		schema: z.object({ name: z.string().max(200), token }),
		category: null,
		content: (p, locale, links) => ({
			subject: msg.subject({}, { locale }),
			name: p.name,
			paragraphs: [msg.body({}, { locale })],
			action: { label: msg.action({}, { locale }), url: url(links, p.token) },
			reason: msg.reason({}, { locale })
		})
	});

type TaskMessage = (inputs: { title: string; when: string; locality: string }, options: { locale: Locale }) => string;

// the mails about one volunteer's place on a task; the ones that give a place carry the calendar file
const taskMail = (subject: TaskMessage, body: TaskMessage, withCalendar: boolean) =>
	define({
		schema: z.object({
			name: z.string().max(200),
			title: z.string().min(1).max(200),
			starts_at: z.iso.datetime({ offset: true }),
			ends_at: z.iso.datetime({ offset: true }),
			locality: z.string().max(100),
			task_id: id
		}),
		category: null,
		content: (p, locale, links) => {
			const words = { title: p.title, when: formatDateTime(p.starts_at, locale), locality: p.locality };
			return {
				subject: subject(words, { locale }),
				name: p.name,
				paragraphs: [body(words, { locale })],
				action: { label: m.mail_task_action({}, { locale }), url: links.volunteerTask(p.task_id) },
				reason: m.mail_signup_reason({}, { locale }),
				attachments: withCalendar
					? [
							{
								filename: 'oppdrag.ics',
								contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
								content: taskCalendar({ id: p.task_id, ...p, url: links.volunteerTask(p.task_id) })
							}
						]
					: undefined
			};
		}
	});

export const templates = {
	verify_email: accountMail(
		{
			subject: m.mail_verify_subject,
			body: m.mail_verify_body,
			action: m.mail_verify_action,
			reason: m.mail_verify_reason
		},
		(links, t) => links.verify(t)
	),
	password_reset: accountMail(
		{
			subject: m.mail_reset_subject,
			body: m.mail_reset_body,
			action: m.mail_reset_action,
			reason: m.mail_reset_reason
		},
		(links, t) => links.reset(t)
	),
	email_change: accountMail(
		{
			subject: m.mail_email_change_subject,
			body: m.mail_email_change_body,
			action: m.mail_email_change_action,
			reason: m.mail_email_change_reason
		},
		(links, t) => links.verify(t)
	),
	// a second registration with a taken address, or a move to one: its owner hears of it
	account_exists: define({
		schema: z.object({ name: z.string().max(200) }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_account_exists_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_account_exists_body({}, { locale })],
			action: { label: m.mail_account_exists_action({}, { locale }), url: links.login() },
			reason: m.mail_account_exists_reason({}, { locale })
		})
	}),
	// to the address an account moved away from, in case it was not its owner who moved it
	email_changed: define({
		schema: z.object({ name: z.string().max(200), new_email: z.email() }),
		category: null,
		content: (p, locale) => ({
			subject: m.mail_email_changed_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_email_changed_body({ new_email: p.new_email }, { locale }), m.mail_email_changed_warning({}, { locale })],
			reason: m.mail_email_changed_reason({}, { locale })
		})
	}),
	// "was it not you?": the page where one asks for a reset link
	password_changed: define({
		schema: z.object({ name: z.string().max(200) }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_password_changed_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_password_changed_body({}, { locale }), m.mail_password_changed_warning({}, { locale })],
			action: { label: m.mail_password_changed_action({}, { locale }), url: links.resetRequest() },
			reason: m.mail_password_changed_reason({}, { locale })
		})
	}),
	// many failed logins on the account from addresses its owner does not use (begin_login)
	login_throttled: define({
		schema: z.object({ name: z.string().max(200) }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_login_throttled_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_login_throttled_body({}, { locale }), m.mail_login_throttled_advice({}, { locale })],
			action: { label: m.mail_login_throttled_action({}, { locale }), url: links.account() },
			reason: m.mail_login_throttled_reason({}, { locale })
		})
	}),
	staff_invitation: define({
		schema: z.object({ inviter: z.string().min(1).max(200), token }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_invite_subject({}, { locale }),
			paragraphs: [m.mail_invite_body({ inviter: p.inviter }, { locale })],
			action: { label: m.mail_invite_action({}, { locale }), url: links.staffInvitation(p.token) },
			reason: m.mail_invite_reason({}, { locale })
		})
	}),
	dwelling_received: define({
		schema: z.object({ name: z.string().max(200), address: z.string().max(300), dwelling_id: id }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_dwelling_received_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_dwelling_received_body({ address: p.address }, { locale })],
			action: { label: m.mail_dwelling_received_action({}, { locale }), url: links.landlordDwelling(p.dwelling_id) },
			reason: m.mail_dwelling_received_reason({}, { locale })
		})
	}),
	// the morning digest of one member of staff (queue_staff_digests): how many items of each
	// kind wait, and since when the oldest; no names, the page behind the sign-in has them
	needs_action_digest: define({
		schema: z.object({
			kinds: z
				.array(z.object({ kind: z.enum(NEEDS_ACTION_KINDS), count: z.number().int().min(1), oldest: z.iso.datetime({ offset: true }) }))
				.min(1)
				.max(NEEDS_ACTION_KINDS.length)
		}),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_digest_subject({ count: p.kinds.reduce((sum, k) => sum + k.count, 0) }, { locale }),
			paragraphs: [
				m.mail_digest_body({}, { locale }),
				...p.kinds.map((k) =>
					m.mail_digest_line(
						{ kind: needsActionKindName(k.kind, locale), count: k.count, since: formatDateTime(k.oldest, locale) },
						{ locale }
					)
				)
			],
			action: { label: m.mail_digest_action({}, { locale }), url: links.staffNeedsAction() },
			reason: m.mail_digest_reason({}, { locale })
		})
	}),
	dwelling_to_review: define({
		schema: z.object({ address: z.string().max(300), locality: z.string().max(100), dwelling_id: id }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_dwelling_to_review_subject({}, { locale }),
			paragraphs: [m.mail_dwelling_to_review_body({ address: p.address, locality: p.locality }, { locale })],
			action: { label: m.mail_dwelling_to_review_action({}, { locale }), url: links.staffDwelling(p.dwelling_id) },
			reason: m.mail_staff_reason({}, { locale })
		})
	}),
	dwelling_reviewed: define({
		schema: z.object({
			name: z.string().max(200),
			address: z.string().max(300),
			decision: z.enum(['approved', 'needs_changes', 'rejected']),
			message: z.string().max(2000),
			dwelling_id: id,
			// an inspection's failed items (record_inspection): named in the landlord's language
			failed: z
				.array(z.object({ item: z.enum(INSPECTION_ITEMS), note: z.string().max(500) }))
				.max(INSPECTION_ITEMS.length)
				.optional()
		}),
		category: null,
		content: (p, locale, links) => {
			const subject = {
				approved: m.mail_dwelling_reviewed_subject_approved,
				needs_changes: m.mail_dwelling_reviewed_subject_needs_changes,
				rejected: m.mail_dwelling_reviewed_subject_rejected
			}[p.decision];
			const body = {
				approved: m.mail_dwelling_reviewed_body_approved,
				needs_changes: m.mail_dwelling_reviewed_body_needs_changes,
				rejected: m.mail_dwelling_reviewed_body_rejected
			}[p.decision];
			return {
				subject: subject({}, { locale }),
				name: p.name,
				paragraphs: [
					body({ address: p.address }, { locale }),
					...(p.failed?.length
						? [
								m.mail_inspection_failed_intro({}, { locale }),
								...p.failed.map((f) =>
									m.mail_inspection_failed_item({ item: inspectionItemNames[f.item]({}, { locale }), note: f.note }, { locale })
								)
							]
						: []),
					...(p.message ? [m.mail_dwelling_reviewed_message({ message: p.message }, { locale })] : [])
				],
				action: { label: m.mail_dwelling_reviewed_action({}, { locale }), url: links.landlordDwelling(p.dwelling_id) },
				reason: m.mail_dwelling_received_reason({}, { locale })
			};
		}
	}),
	proposal_waiting: define({
		schema: z.object({ name: z.string().max(200), address: z.string().max(300), match_id: id }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_proposal_waiting_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_proposal_waiting_body({ address: p.address }, { locale })],
			action: { label: m.mail_proposal_waiting_action({}, { locale }), url: links.landlordProposal(p.match_id) },
			reason: m.mail_dwelling_received_reason({}, { locale })
		})
	}),
	// staff withdrew the proposal (cancel_match), also after the landlord's yes: the link shows it withdrawn
	proposal_withdrawn: define({
		schema: z.object({ name: z.string().max(200), address: z.string().max(300), match_id: id }),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_proposal_withdrawn_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_proposal_withdrawn_body({ address: p.address }, { locale })],
			action: { label: m.mail_proposal_withdrawn_action({}, { locale }), url: links.landlordProposal(p.match_id) },
			reason: m.mail_dwelling_received_reason({}, { locale })
		})
	}),
	// names the household and leads to its page, where staff confirm (a yes) or find another home (a no)
	proposal_answered: define({
		schema: z.object({
			address: z.string().max(300),
			accepted: z.boolean(),
			reason: z.string().max(1000),
			dwelling_id: id,
			household_id: id,
			reference: z.string().max(100)
		}),
		category: null,
		content: (p, locale, links) => ({
			subject: (p.accepted ? m.mail_proposal_answered_subject_yes : m.mail_proposal_answered_subject_no)({}, { locale }),
			paragraphs: [
				p.accepted
					? m.mail_proposal_answered_body_yes({ address: p.address, reference: p.reference }, { locale })
					: m.mail_proposal_answered_body_no({ address: p.address, reference: p.reference, reason: p.reason || '–' }, { locale })
			],
			action: {
				label: (p.accepted ? m.mail_proposal_answered_action_yes : m.mail_proposal_answered_action_no)(
					{ reference: p.reference },
					{ locale }
				),
				url: links.staffHousehold(p.household_id)
			},
			reason: m.mail_staff_reason({}, { locale })
		})
	}),
	match_confirmed: define({
		schema: z.object({
			name: z.string().max(200),
			address: z.string().max(300),
			contact_name: z.string().max(200),
			contact_phone: z.string().max(40),
			match_id: id
		}),
		category: null,
		content: (p, locale, links) => ({
			subject: m.mail_match_confirmed_subject({}, { locale }),
			name: p.name,
			paragraphs: [m.mail_match_confirmed_body(p, { locale })],
			action: { label: m.mail_match_confirmed_action({}, { locale }), url: links.landlordProposal(p.match_id) },
			reason: m.mail_dwelling_received_reason({}, { locale })
		})
	}),
	still_available: define({
		schema: z.object({ name: z.string().max(200), address: z.string().max(300), token }),
		category: 'availability_checks',
		content: (p, locale, links) => ({
			subject: m.mail_still_available_subject({}, { locale }),
			name: p.name,
			paragraphs: [
				m.mail_still_available_body({ address: p.address }, { locale }),
				m.mail_still_available_no({ url: links.availability(p.token, 'no') }, { locale })
			],
			action: { label: m.mail_still_available_yes({}, { locale }), url: links.availability(p.token, 'yes') },
			reason: m.mail_still_available_reason({}, { locale })
		})
	}),
	// staff ask a volunteer to help; both answers are links that work without logging in
	task_invitation: define({
		schema: z.object({
			name: z.string().max(200),
			title: z.string().min(1).max(200),
			starts_at: z.iso.datetime({ offset: true }),
			ends_at: z.iso.datetime({ offset: true }),
			locality: z.string().max(100),
			token
		}),
		category: 'task_invitations',
		content: (p, locale, links) => {
			const words = { title: p.title, when: formatDateTime(p.starts_at, locale), locality: p.locality };
			return {
				subject: m.taskinv_mail_subject(words, { locale }),
				name: p.name,
				paragraphs: [
					m.taskinv_mail_body(words, { locale }),
					m.taskinv_mail_decline({ url: links.taskInvitation(p.token, 'decline') }, { locale })
				],
				action: { label: m.taskinv_mail_accept({}, { locale }), url: links.taskInvitation(p.token, 'accept') },
				reason: m.taskinv_mail_reason({}, { locale })
			};
		}
	}),
	signup_confirmed: taskMail(m.mail_signup_confirmed_subject, m.mail_signup_confirmed_body, true),
	signup_waitlisted: taskMail(m.mail_signup_waitlisted_subject, m.mail_signup_waitlisted_body, false),
	signup_promoted: taskMail(m.mail_signup_promoted_subject, m.mail_signup_promoted_body, true),
	task_reminder: define({
		schema: z.object({
			name: z.string().max(200),
			title: z.string().min(1).max(200),
			starts_at: z.iso.datetime({ offset: true }),
			ends_at: z.iso.datetime({ offset: true }),
			locality: z.string().min(1).max(100),
			task_id: id
		}),
		category: 'reminders',
		content: (p, locale, links) => {
			const when = formatDateTime(p.starts_at, locale);
			return {
				subject: m.mail_reminder_subject({ title: p.title, when }, { locale }),
				name: p.name,
				paragraphs: [m.mail_reminder_body({ title: p.title, when, locality: p.locality }, { locale })],
				action: { label: m.mail_reminder_action({}, { locale }), url: links.volunteerTask(p.task_id) },
				reason: m.mail_reminder_reason({}, { locale }),
				// the task as it stands the day before, as the sign-up mail's file had it: a file
				// of today's times outranks an older one (a later sequence), so calendars update
				attachments: [
					{
						filename: 'oppdrag.ics',
						contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
						content: taskCalendar({ id: p.task_id, ...p, url: links.volunteerTask(p.task_id), sequence: sequenceNow() })
					}
				]
			};
		}
	}),
	...taskChangeTemplates
} satisfies Record<string, Template<z.ZodType>>;

export type TemplateKey = keyof typeof templates;
export type PayloadOf<K extends TemplateKey> = z.infer<(typeof templates)[K]['schema']>;

export const isTemplateKey = (key: string): key is TemplateKey => Object.hasOwn(templates, key);

export const isMailCategory = (category: string): category is MailCategory => (MAIL_CATEGORIES as readonly string[]).includes(category);

/** the kinds of mail a person with these roles can get, and so may choose on the account page */
export function categoriesFor(roles: readonly Role[]): MailCategory[] {
	return MAIL_CATEGORIES.filter(
		(c) =>
			c === 'newsletters' ||
			(roles.includes('volunteer') && (c === 'reminders' || c === 'task_invitations')) ||
			(roles.includes('landlord') && c === 'availability_checks')
	);
}

const categoryNames: Record<MailCategory, Message> = {
	reminders: m.mail_category_reminders,
	availability_checks: m.mail_category_availability_checks,
	task_invitations: m.mail_category_task_invitations,
	newsletters: m.mail_category_newsletters
};

/** the name of an opt-out category in the reader's language, for the unsubscribe and account pages */
export function categoryName(category: string, locale: Locale): string {
	return isMailCategory(category) ? categoryNames[category]({}, { locale }) : category;
}
