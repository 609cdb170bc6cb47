// Turns a queued notification into the mail that is sent: subject, plain text and HTML
// from the template's one structured content, the footer every mail carries (why you
// got it, where to change your settings, whom at the municipality to contact) and, for mail one can opt out of, a
// List-Unsubscribe link that works without logging in: it opens a page where one click
// unsubscribes. (No RFC 8058 List-Unsubscribe-Post: a mail provider's cross-site POST would
// meet SvelteKit's CSRF origin check, which stays on.)
import { render } from 'svelte/server';
import { m } from '$lib/paraglide/messages';
import { baseLocale, isLocale, type Locale } from '$lib/paraglide/runtime';
import Email from './Email.svelte';
import { linksFor, type Links } from './links';
import { isTemplateKey, templates, type MailContent } from './templates';
import { unsubscribeToken } from './unsubscribe';

export type RenderedMail = {
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	attachments: { filename: string; content: string; contentType: string }[];
};

export class RenderError extends Error {}

type Queued = { recipient: string; template: string; locale: string; payload: unknown };
/** the municipality's name and contact details (db/municipality.ts), any of them not given yet */
export type MailContact = { name: string | null; phone: string | null; email: string | null; address: string | null };
/** what rendering needs besides the mail: the worker reads the contact from the settings, so rendering stays pure */
type Context = { origin: string; secret: string; contact?: MailContact };

export function renderMail(notification: Queued, ctx: Context): RenderedMail {
	if (!isTemplateKey(notification.template)) throw new RenderError(`unknown template ${notification.template}`);
	const locale: Locale = isLocale(notification.locale) ? notification.locale : baseLocale;
	const template = templates[notification.template];
	const parsed = template.schema.safeParse(notification.payload);
	if (!parsed.success) throw new RenderError(`payload of ${notification.template}: ${parsed.error.issues[0].message}`);
	const links = linksFor(ctx.origin);
	// each template's content takes its own payload type, which safeParse just checked
	const content = (template.content as (p: unknown, l: Locale, links: Links) => MailContent)(parsed.data, locale, links);

	const settingsUrl = links.mailSettings();
	const unsubscribeUrl = template.category
		? links.unsubscribe(unsubscribeToken({ email: notification.recipient, category: template.category }, ctx.secret))
		: undefined;

	const lines = {
		greeting: content.name ? m.mail_greeting({ name: content.name }, { locale }) : m.mail_greeting_anonymous({}, { locale }),
		signoff: m.mail_signoff({}, { locale }),
		actionFallback: m.mail_action_fallback({}, { locale }),
		settings: m.mail_footer_settings({ url: settingsUrl }, { locale }),
		unsubscribe: unsubscribeUrl ? m.mail_footer_unsubscribe({ url: unsubscribeUrl }, { locale }) : undefined,
		contact: contactLine(ctx.contact, locale)
	};

	const text = [
		lines.greeting,
		...content.paragraphs,
		...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
		lines.signoff,
		'--',
		content.reason,
		...(lines.contact ? [lines.contact] : []),
		lines.settings,
		...(lines.unsubscribe ? [lines.unsubscribe] : [])
	].join('\n\n');

	const { body } = render(Email, { props: { content, ...lines } });
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>${body}</body></html>`;

	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
	if (unsubscribeUrl) headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
	return { subject: content.subject, text, html, headers, attachments: content.attachments ?? [] };
}

// "Questions? Contact: Fjordvik kommune · +47 … · post@… · Postboks 1 …", of what is given
function contactLine(contact: MailContact | undefined, locale: Locale): string | undefined {
	const parts = [contact?.name, contact?.phone, contact?.email, contact?.address].filter((p): p is string => Boolean(p?.trim()));
	// a name alone is no way to reach anyone
	if (!contact?.phone && !contact?.email && !contact?.address) return undefined;
	return m.mail_footer_contact({ contact: parts.join(' · ') }, { locale });
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
