import { describe, expect, it } from 'vitest';
import { renderMail, RenderError } from './render';
import { readUnsubscribeToken } from './unsubscribe';

const ctx = { origin: 'https://busett.example.no', secret: 's'.repeat(32) };
const TOKEN = 'abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr';
// shaped like the seed's ids, which are not RFC 4122 uuids
const TASK = '7a37b8b9-073e-a254-dcc6-c79020dee112';

describe('renderMail', () => {
	it('renders subject, text and HTML from one template in the recipient’s language', () => {
		const mail = renderMail(
			{
				recipient: 'kari@example.no',
				template: 'verify_email',
				locale: 'nn',
				payload: { name: 'Kari', token: TOKEN }
			},
			ctx
		);
		expect(mail.subject).toBe('Stadfest e-postadressa di');
		expect(mail.text).toContain('Hei Kari,');
		expect(mail.text).toContain(`https://busett.example.no/verify/${TOKEN}`);
		expect(mail.html).toContain('<html lang="nn">');
		expect(mail.html).toContain(`href="https://busett.example.no/verify/${TOKEN}"`);

		const english = renderMail(
			{
				recipient: 'kari@example.no',
				template: 'verify_email',
				locale: 'en',
				payload: { name: 'Kari', token: TOKEN }
			},
			ctx
		);
		expect(english.subject).toBe('Confirm your e-mail address');
		expect(english.text).toContain('Hello Kari,');
	});

	it('says in the footer why the mail came and where to change settings', () => {
		const mail = renderMail(
			{ recipient: 'kari@example.no', template: 'password_reset', locale: 'en', payload: { name: '', token: TOKEN } },
			ctx
		);
		expect(mail.text).toContain('because someone asked for a new password');
		expect(mail.text).toContain('https://busett.example.no/account#notifications');
		expect(mail.html).toContain('because someone asked for a new password');
	});

	it('names the municipality and how to reach it in every footer, escaped in the HTML, when the settings give it', () => {
		const contact = {
			name: 'Fjordvik kommune <flyktning>',
			phone: '+47 56 00 00 00',
			email: 'post@fjordvik.kommune.no',
			address: 'Postboks 1, 5999 Fjordvik'
		};
		const mail = renderMail(
			{ recipient: 'kari@example.no', template: 'password_reset', locale: 'nn', payload: { name: 'Kari', token: TOKEN } },
			{ ...ctx, contact }
		);
		const line =
			'Spørsmål? Ta kontakt: Fjordvik kommune <flyktning> · +47 56 00 00 00 · post@fjordvik.kommune.no · Postboks 1, 5999 Fjordvik';
		const footer = mail.text.split('\n\n--\n\n')[1];
		expect(footer).toContain(line);
		// as text: a "<" never opens a tag (Svelte leaves ">" as it is, which is safe in text)
		expect(mail.html).toMatch(
			/Fjordvik kommune &lt;flyktning(&gt;|>) · \+47 56 00 00 00 · post@fjordvik\.kommune\.no · Postboks 1, 5999 Fjordvik/
		);
		expect(mail.html).not.toContain('<flyktning');
		// none given yet (a new installation): no line; a name alone reaches nobody
		const bare = renderMail(
			{ recipient: 'kari@example.no', template: 'password_reset', locale: 'nn', payload: { name: 'Kari', token: TOKEN } },
			{ ...ctx, contact: { name: 'Fjordvik kommune', phone: null, email: null, address: null } }
		);
		expect(bare.text).not.toContain('Ta kontakt');
		expect(bare.html).not.toContain('Ta kontakt');
	});

	it('gives essential mail no unsubscribe link, and other mail one for its category', () => {
		const essential = renderMail(
			{ recipient: 'kari@example.no', template: 'password_reset', locale: 'nn', payload: { name: 'Kari', token: TOKEN } },
			ctx
		);
		expect(essential.headers['List-Unsubscribe']).toBeUndefined();

		const reminder = renderMail(
			{
				recipient: 'Kari@Example.no',
				template: 'task_reminder',
				locale: 'nn',
				payload: {
					name: 'Kari',
					title: 'Hente møblar',
					starts_at: '2027-03-02T09:00:00Z',
					ends_at: '2027-03-02T12:00:00Z',
					locality: 'Lid',
					task_id: TASK
				}
			},
			ctx
		);
		expect(reminder.subject).toContain('Hente møblar');
		expect(reminder.subject).toContain('kl. 10:00');
		// the task's calendar file, as the sign-up mail carries it
		const ics = reminder.attachments[0].content;
		expect(ics).toContain(`UID:${TASK}@busett`);
		expect(ics).toContain('DTSTART:20270302T090000Z');
		expect(ics).toContain('DTEND:20270302T120000Z');
		const url = reminder.headers['List-Unsubscribe'].slice(1, -1);
		expect(url.startsWith('https://busett.example.no/unsubscribe/')).toBe(true);
		expect(readUnsubscribeToken(url.split('/').pop()!, ctx.secret)).toEqual({ email: 'kari@example.no', category: 'reminders' });
	});

	it('writes the same mail in Bokmål and Ukrainian, with the date in that language', () => {
		const reminder = (locale: string) =>
			renderMail(
				{
					recipient: 'olena@example.no',
					template: 'task_reminder',
					locale,
					payload: {
						name: 'Olena',
						title: 'Hente møblar',
						starts_at: '2027-03-02T09:00:00Z',
						ends_at: '2027-03-02T12:00:00Z',
						locality: 'Lid',
						task_id: TASK
					}
				},
				ctx
			);
		const bokmal = reminder('nb');
		expect(bokmal.subject).toMatch(/^Påminnelse: Hente møblar tirsdag 2\. mars kl\. 10:00$/);
		expect(bokmal.text).toContain('Hilsen flyktningtjenesten');
		expect(bokmal.html).toContain('<html lang="nb">');
		const ukrainian = reminder('uk');
		expect(ukrainian.subject).toMatch(/^Нагадування: Hente møblar вівторок, 2 березня о 10:00$/);
		expect(ukrainian.text).toContain('Вітаємо, Olena!');
		expect(ukrainian.html).toContain('<html lang="uk">');
	});

	it('escapes what the payload says instead of injecting it as HTML', () => {
		const mail = renderMail(
			{
				recipient: 'a@example.no',
				template: 'staff_invitation',
				locale: 'en',
				payload: { inviter: '<script>x</script>', token: TOKEN }
			},
			ctx
		);
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&lt;script>');
	});

	it('refuses an unknown template or a payload that does not fit', () => {
		expect(() => renderMail({ recipient: 'a@example.no', template: 'nope', locale: 'nn', payload: {} }, ctx)).toThrow(RenderError);
		expect(() =>
			renderMail(
				{ recipient: 'a@example.no', template: 'verify_email', locale: 'nn', payload: { name: 'x', token: 'javascript:alert(1)' } },
				ctx
			)
		).toThrow(RenderError);
	});
});

describe('the links of a mail', () => {
	it('are built from the origin and the ids in the payload, the calendar file’s too', () => {
		const mail = renderMail(
			{
				recipient: 'kari@example.no',
				template: 'task_changed',
				locale: 'en',
				payload: {
					name: 'Kari',
					title: 'Hente møblar',
					starts_at: '2027-03-02T09:00:00Z',
					ends_at: '2027-03-02T11:00:00Z',
					locality: 'Lid',
					confirmed: true,
					task_id: TASK,
					changed: ['time']
				}
			},
			ctx
		);
		expect(mail.text).toContain(`https://busett.example.no/volunteer/tasks/${TASK}`);
		const ics = mail.attachments[0].content;
		expect(ics).toContain(`UID:${TASK}@busett`);
		expect(ics.replace(/\r\n[ \t]/g, '')).toContain(`URL:https://busett.example.no/volunteer/tasks/${TASK}`);
	});

	it('with a token, link to the page the token opens', () => {
		const invitation = renderMail(
			{
				recipient: 'kari@example.no',
				template: 'task_invitation',
				locale: 'en',
				payload: {
					name: 'Kari',
					title: 'Hente møblar',
					starts_at: '2027-03-02T09:00:00Z',
					ends_at: '2027-03-02T11:00:00Z',
					locality: 'Lid',
					token: TOKEN
				}
			},
			ctx
		);
		expect(invitation.text).toContain(`https://busett.example.no/task-invitation/${TOKEN}/accept`);
		expect(invitation.text).toContain(`https://busett.example.no/task-invitation/${TOKEN}/decline`);
	});
});
