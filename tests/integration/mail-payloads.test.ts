// Every mail the database queues, checked against its template when it is queued, not only
// when the worker sends it: each path that queues mail is taken here on rows of this
// test's own, and every payload it queued must parse with its template's schema and render
// with links built from ORIGIN. Mail queued before 20261202111000 (links in the payload)
// is rewritten by public.mail_payload_without_links, which must give the new shape back.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/lib/server/auth/accounts';
import { newToken, toBytea } from '../../src/lib/server/auth/tokens';
import { linksFor } from '../../src/lib/server/mail/links';
import { renderMail } from '../../src/lib/server/mail/render';
import { isTemplateKey, templates, type TemplateKey } from '../../src/lib/server/mail/templates';
import { Constants } from '../../src/lib/database.types';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER, passedInspection } from '../helpers/dwellings';
import { seedId } from '../helpers/seed';
import { DEMO_HASH, HOUR, task, volunteers } from '../helpers/tasks';

const ORIGIN = 'https://busett.example.no';
const links = linksFor(ORIGIN);
const STAFF = seedId('user:staff');
const PASSWORD = 'fjordvik sommar lyngheia 2027';
const unique = () => randomUUID().slice(0, 8);
const db = () => serviceClient();

type Queued = { template: string; recipient: string; payload: Record<string, unknown>; idempotency_key: string };

/** what was queued for these addresses, or under keys that name these rows */
async function queued(recipients: string[], ids: string[]): Promise<Queued[]> {
	const { data, error } = await db()
		.from('notifications')
		.select('template, recipient, payload, idempotency_key')
		.or([`recipient.in.(${recipients.map((r) => `"${r}"`).join(',')})`, ...ids.map((id) => `idempotency_key.like.*${id}*`)].join(','));
	if (error) throw error;
	return data as Queued[];
}

/** a link token as the app makes one, with its hash as PostgREST (bytea) and SQL (hex) take it */
function linkToken() {
	const t = newToken();
	return { id: t.id, token: t.token, hash: toBytea(t.secretHash), hex: Buffer.from(t.secretHash).toString('hex') };
}

/** the answer's data; its error thrown (void functions answer null) */
const ok = <T>(result: { data: T; error: { message: string } | null }) => {
	if (result.error) throw new Error(result.error.message);
	return result.data as NonNullable<T>;
};

async function person(role: 'landlord' | 'volunteer' | 'staff', name = 'Post Prøve') {
	const email = `post-${unique()}@example.no`;
	const user = ok(
		await db()
			.from('users')
			// a landlord's offer is sent in only with their phone (submit_dwelling)
			.insert({
				email,
				display_name: name,
				phone: role === 'landlord' ? '+47 900 11 225' : '',
				password_hash: DEMO_HASH,
				email_verified_at: new Date().toISOString()
			})
			.select('id')
			.single()
	);
	ok(await db().from('user_roles').insert({ user_id: user.id, role }));
	return { id: user.id, email, roles: [role] as const };
}

async function dwelling(landlordId: string, status: 'draft' | 'submitted' = 'draft') {
	return ok(
		await db()
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, street: `Postvegen ${unique()}`, landlord_id: landlordId, status })
			.select('id')
			.single()
	).id;
}

async function household() {
	const h = ok(
		await db()
			.from('households')
			.insert({
				imdi_reference: `POST-${unique()}`,
				category: 'resettlement',
				contact_name: 'Post Kontakt',
				expected_arrival: '2027-06-01'
			})
			.select('id')
			.single()
	);
	ok(await db().from('household_members').insert({ household_id: h.id, age_band: 'adult' }));
	return h.id;
}

const recipients: string[] = [];
const ids: string[] = [];
let rows: Queued[] = [];
/** the household of the proposal the landlord answers */
let answeredHousehold = '';

beforeAll(async () => {
	const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

	// accounts: registering (a new and a taken address), a reset and its use, a change of
	// address (to a free and to a taken one) and its use, a new password, a staff invitation,
	// and many failed logins
	const newcomer = `post-${unique()}@example.no`;
	const registration = { displayName: 'Ny Person', password: PASSWORD, role: 'volunteer' as const, locale: 'nn' as const };
	expect(await accounts.register({ ...registration, email: newcomer }, ip)).toEqual({ tokenId: expect.any(String) });
	const taken = await person('volunteer');
	expect(await accounts.register({ ...registration, email: taken.email }, ip)).toEqual({ tokenId: expect.any(String) });
	const resetting = await person('landlord');
	await accounts.requestReset(resetting.email, ip);
	const moving = await person('volunteer');
	const newAddress = `post-${unique()}@example.no`;
	await accounts.requestEmailChange(moving, newAddress);
	await accounts.requestEmailChange(await person('volunteer'), taken.email);
	const changing = await person('volunteer');
	expect(await accounts.changePassword(changing, 'busett-demo-2026', PASSWORD)).toHaveProperty('token');
	const invited = `post-${unique()}@fjordvik.kommune.no`;
	expect(
		await accounts.inviteStaff({ email: invited, displayName: 'Ny Sakshandsamar', locale: 'nn', role: 'staff' }, 'Admin Adminsen')
	).toBe('ok');
	const throttled = await person('landlord');
	for (let i = 0; i < 22; i++) ok(await db().rpc('begin_login', { p_email: throttled.email, p_address: `10.78.${i}.${unique().length}` }));
	recipients.push(newcomer, taken.email, resetting.email, moving.email, newAddress, changing.email, invited, throttled.email);
	// the links' tokens, read from their mails, are used: a new password and a new address
	const tokenOf = async (to: string, template: string) =>
		(await queued([to], [])).find((r) => r.template === template)!.payload.token as string;
	expect(await accounts.useToken(await tokenOf(resetting.email, 'password_reset'), ['password_reset'], { password: PASSWORD })).toBe('ok');
	expect(await accounts.useToken(await tokenOf(newAddress, 'email_change'), ['email_change'])).toBe('ok');

	// dwellings: sent in, reviewed three ways, checked for availability, proposed, answered, confirmed
	const landlord = await person('landlord');
	recipients.push(landlord.email);
	const reviewed = { approved: '', needs_changes: '', rejected: '' };
	for (const decision of ['approved', 'needs_changes', 'rejected'] as const) {
		const d = await dwelling(landlord.id);
		ok(await db().rpc('submit_dwelling', { p_dwelling: d }));
		if (decision === 'approved') await passedInspection(d);
		ok(
			await db().rpc('review_dwelling', {
				p_dwelling: d,
				p_staff: STAFF,
				p_decision: decision,
				p_message: decision === 'approved' ? '' : 'Manglar bilete',
				p_district: null as unknown as string,
				p_inspection_date: null as unknown as string,
				p_staff_note: ''
			})
		);
		reviewed[decision] = d;
		ids.push(d);
	}
	// an inspection that fails an item: sent back, the item named in the mail
	const inspected = await dwelling(landlord.id);
	ok(await db().rpc('submit_dwelling', { p_dwelling: inspected }));
	ok(
		await db().rpc('record_inspection', {
			p_dwelling: inspected,
			p_staff: STAFF,
			p_inspected_on: '2027-01-05',
			p_findings: Constants.public.Enums.inspection_item.map((item) => ({
				item,
				result: item === 'damp' ? 'failed' : 'ok',
				note: item === 'damp' ? 'Mugg på badet' : ''
			})),
			p_remarks: ''
		})
	);
	ids.push(inspected);
	const check = linkToken();
	ok(
		await db().rpc('issue_availability_check', {
			p_dwelling: reviewed.approved,
			p_check_id: check.id,
			p_secret_hash: check.hash,
			p_expires_at: new Date(Date.now() + 24 * HOUR).toISOString(),
			p_token: check.token
		})
	);
	answeredHousehold = await household();
	const matchId = ok(
		await db().rpc('propose_match', {
			p_household: answeredHousehold,
			p_dwelling: reviewed.approved,
			p_staff: STAFF,
			p_score: 1,
			p_reasons: []
		})
	);
	ids.push(matchId);
	expect(ok(await db().rpc('answer_proposal', { p_match: matchId, p_landlord: landlord.id, p_accept: true, p_reason: '' }))).toBe(true);
	expect(ok(await db().rpc('confirm_match', { p_match: matchId, p_staff: STAFF }))).toBe(true);
	// a second offer, proposed, said yes to and then withdrawn by staff
	const another = await dwelling(landlord.id);
	ok(await db().rpc('submit_dwelling', { p_dwelling: another }));
	ok(await db().from('dwellings').update({ status: 'approved' }).eq('id', another));
	ids.push(another);
	const withdrawn = ok(
		await db().rpc('propose_match', { p_household: await household(), p_dwelling: another, p_staff: STAFF, p_score: 1, p_reasons: [] })
	);
	ids.push(withdrawn);
	expect(ok(await db().rpc('answer_proposal', { p_match: withdrawn, p_landlord: landlord.id, p_accept: true, p_reason: '' }))).toBe(true);
	expect(ok(await db().rpc('cancel_match', { p_match: withdrawn }))).toBe(true);

	// tasks: sign-ups confirmed and waitlisted, a withdrawal that promotes, a reminder, an
	// invitation accepted, a change, more places, a cancellation, a task short of volunteers
	const [a, b, c, d] = await volunteers(4, 'Post Frivillig');
	recipients.push(a.email, b.email, c.email, d.email);
	const soon = await task({ volunteers_needed: 1 }, 20 * HOUR);
	ids.push(soon);
	expect(ok(await db().rpc('sign_up_for_task', { p_task: soon, p_volunteer: a.id }))).toBe('confirmed');
	expect(ok(await db().rpc('sign_up_for_task', { p_task: soon, p_volunteer: b.id }))).toBe('waitlisted');
	ok(await db().rpc('queue_task_reminders'));
	const short = await task({ volunteers_needed: 2 }, 30 * HOUR);
	ids.push(short);
	ok(await db().rpc('queue_short_staffed_alerts'));
	expect(ok(await db().rpc('withdraw_signup', { p_task: soon, p_volunteer: a.id }))).toBe(true);
	const later = await task({ volunteers_needed: 1 });
	ids.push(later);
	const invitation = linkToken();
	expect(
		ok(
			await db().rpc('invite_volunteers', {
				p_task: later,
				p_staff: STAFF,
				p_invitations: [{ volunteer_id: c.id, token_id: invitation.id, secret_hash: invitation.hex, token: invitation.token }]
			})
		)
	).toBe(1);
	expect(ok(await db().rpc('answer_task_invitation', { p_invitation: invitation.id, p_accept: true }))[0].outcome).toBe('confirmed');
	expect(ok(await db().rpc('sign_up_for_task', { p_task: later, p_volunteer: d.id }))).toBe('waitlisted');
	ok(await db().rpc('update_task', { p_task: later, p_changes: { locality: 'Straumvik', volunteers_needed: 2 } }));
	expect(ok(await db().rpc('cancel_task', { p_task: later, p_staff: STAFF, p_reason: 'Vêret' }))).toBe(true);

	// hours reported after a task, one report corrected by staff and one rejected
	const [e, f] = await volunteers(2, 'Post Timar');
	recipients.push(e.email, f.email);
	const done = await task({ volunteers_needed: 2 }, 200 * HOUR);
	ids.push(done);
	for (const v of [e, f]) expect(ok(await db().rpc('sign_up_for_task', { p_task: done, p_volunteer: v.id }))).toBe('confirmed');
	ok(
		await db()
			.from('tasks')
			.update({ starts_at: new Date(Date.now() - 5 * HOUR).toISOString(), ends_at: new Date(Date.now() - 2 * HOUR).toISOString() })
			.eq('id', done)
	);
	for (const v of [e, f]) expect(ok(await db().rpc('report_hours', { p_task: done, p_volunteer: v.id, p_hours: 4 }))).toBe(true);
	const signups = ok(await db().from('signups').select('id, volunteer_id').eq('task_id', done));
	const signupOf = (v: { id: string }) => signups.find((s) => s.volunteer_id === v.id)!.id;
	const review = (v: { id: string }, outcome: 'corrected' | 'rejected', hours: number | null) =>
		db().rpc('review_hours', {
			p_signup: signupOf(v),
			p_staff: STAFF,
			p_review: outcome,
			p_hours: hours as number,
			p_note: 'Oppdraget varte tre timar'
		});
	expect(ok(await review(e, 'corrected', 3))).toBe(true);
	expect(ok(await review(f, 'rejected', null))).toBe(true);

	// a police certificate running out in ten days
	const expiring = await person('volunteer');
	recipients.push(expiring.email);
	ids.push(expiring.id);
	const inTenDays = new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10);
	ok(
		await db().rpc('record_police_certificate', {
			p_volunteer: expiring.id,
			p_staff: STAFF,
			p_seen_on: '2026-01-01',
			p_expires_on: inTenDays
		})
	);
	ok(await db().rpc('queue_certificate_expiry_notices'));

	// the morning digest of a member of staff who chose it (at noon: past its 07:00)
	const digest = await person('staff');
	recipients.push(digest.email);
	ok(await db().from('users').update({ staff_digest: true }).eq('id', digest.id));
	const noon = new Date();
	noon.setUTCHours(11, 0, 0, 0);
	ok(await db().rpc('queue_staff_digests', { p_now: noon.toISOString() }));

	rows = await queued(recipients, ids);
});

describe('the mail the database queues', () => {
	it('comes in every template there is (this test takes every path that queues one)', () => {
		expect([...new Set(rows.map((r) => r.template))].sort()).toEqual(Object.keys(templates).sort());
	});

	it('has a payload its template accepts, with ids and tokens and no links', () => {
		const refused = rows
			.map((r) => ({ r, parsed: isTemplateKey(r.template) ? templates[r.template].schema.safeParse(r.payload) : null }))
			.filter(({ parsed }) => !parsed?.success)
			.map(({ r, parsed }) => `${r.template}: ${parsed?.error?.issues[0].message ?? 'no such template'} in ${JSON.stringify(r.payload)}`);
		expect(refused).toEqual([]);
		expect(rows.filter((r) => /https?:/.test(JSON.stringify(r.payload))).map((r) => r.template)).toEqual([]);
	});

	it('renders with every link made from ORIGIN', () => {
		for (const r of rows) {
			const mail = renderMail({ ...r, locale: 'nn' }, { origin: ORIGIN, secret: 's'.repeat(32) });
			const urls = mail.text.match(/https?:\/\/[^\s)]+/g) ?? [];
			expect(urls.length, r.template).toBeGreaterThan(0);
			for (const url of urls) expect(url.startsWith(`${ORIGIN}/`), `${r.template}: ${url}`).toBe(true);
		}
	});
});

describe("the landlord's answer to a proposal, as staff get it", () => {
	it('names the household and links to its page, where staff confirm', async () => {
		// two answers are queued above: this household's, and the one of the proposal staff then withdrew
		const answers = rows.filter((r) => r.template === 'proposal_answered');
		expect(answers.map((r) => r.payload.household_id)).toContain(answeredHousehold);
		for (const r of answers) {
			const household = String(r.payload.household_id);
			const { data: h } = await db().from('households').select('imdi_reference').eq('id', household).single();
			expect(r.payload).toMatchObject({ reference: h!.imdi_reference, accepted: true });
			const mail = renderMail({ ...r, locale: 'nn' }, { origin: ORIGIN, secret: 's'.repeat(32) });
			expect(mail.text).toContain(h!.imdi_reference);
			expect(mail.text).toContain(links.staffHousehold(household));
			expect(mail.text).not.toContain('/staff/dwellings/');
		}
		// the mail carries the household's reference: anonymising the household empties it
		const { data: about } = await db()
			.from('notifications')
			.select('about_household_id, payload')
			.in(
				'idempotency_key',
				answers.map((r) => r.idempotency_key)
			);
		expect(about).toHaveLength(answers.length);
		expect(about!.every((n) => n.about_household_id === (n.payload as { household_id: string }).household_id)).toBe(true);
	});
});

// the links each template's payload carried before 20261202111000, made of its new payload
const OLD_LINKS: Record<TemplateKey, ((p: Record<string, string>) => Record<string, string>) | null> = {
	verify_email: (p) => ({ url: links.verify(p.token) }),
	email_change: (p) => ({ url: links.verify(p.token) }),
	password_reset: (p) => ({ url: links.reset(p.token) }),
	staff_invitation: (p) => ({ url: links.staffInvitation(p.token) }),
	account_exists: () => ({ url: links.login() }),
	password_changed: () => ({ url: links.resetRequest() }),
	login_throttled: () => ({ url: links.account() }),
	email_changed: () => ({}),
	dwelling_received: (p) => ({ url: links.landlordDwelling(p.dwelling_id) }),
	dwelling_reviewed: (p) => ({ url: links.landlordDwelling(p.dwelling_id) }),
	dwelling_to_review: (p) => ({ url: links.staffDwelling(p.dwelling_id) }),
	proposal_answered: (p) => ({ url: links.staffDwelling(p.dwelling_id) }),
	proposal_waiting: (p) => ({ url: links.landlordProposal(p.match_id) }),
	match_confirmed: (p) => ({ url: links.landlordProposal(p.match_id) }),
	// newer than the rewrite: it never carried a link, so its payload is the same in both shapes
	proposal_withdrawn: (p) => ({ match_id: p.match_id }),
	still_available: (p) => ({ yes_url: links.availability(p.token, 'yes'), no_url: links.availability(p.token, 'no') }),
	task_invitation: (p) => ({ accept_url: links.taskInvitation(p.token, 'accept'), decline_url: links.taskInvitation(p.token, 'decline') }),
	signup_confirmed: (p) => ({ url: links.volunteerTask(p.task_id) }),
	signup_waitlisted: (p) => ({ url: links.volunteerTask(p.task_id) }),
	signup_promoted: (p) => ({ url: links.volunteerTask(p.task_id) }),
	task_reminder: (p) => ({ url: links.volunteerTask(p.task_id) }),
	task_changed: (p) => ({ url: links.volunteerTask(p.task_id) }),
	task_cancelled: (p) => ({ url: links.volunteerTask(p.task_id) }),
	task_short_of_volunteers: (p) => ({ url: links.staffTask(p.task_id) }),
	certificate_expiring: () => ({ url: links.volunteerProfile() }),
	certificate_expiring_staff: (p) => ({ url: links.staffVolunteer(p.volunteer_id) }),
	// templates added after 20261202111000 were never queued with links
	hours_reviewed: null,
	needs_action_digest: null
};
const ID_FIELDS = ['token', 'dwelling_id', 'match_id', 'task_id', 'volunteer_id'];

describe('a mail queued in the old shape', () => {
	it('gets the new shape back from mail_payload_without_links, for every template', async () => {
		const wrong = [];
		for (const r of rows) {
			const payload = r.payload as Record<string, string>;
			const oldLinks = OLD_LINKS[r.template as TemplateKey];
			if (!oldLinks) continue;
			const old = {
				...Object.fromEntries(Object.entries(payload).filter(([k]) => !ID_FIELDS.includes(k))),
				...oldLinks(payload)
			};
			const upgraded = ok(await db().rpc('mail_payload_without_links', { p_template: r.template, p_payload: old }));
			if (JSON.stringify(sorted(upgraded)) !== JSON.stringify(sorted(payload))) wrong.push({ template: r.template, old, upgraded });
		}
		expect(wrong).toEqual([]);
	});
});

const sorted = (o: unknown) => Object.fromEntries(Object.entries(o as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
