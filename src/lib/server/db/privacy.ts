// A landlord's or volunteer's own data: all of it as one download, and erasing it.
// The export holds only rows that are about the person asking; household data never
// goes in (a landlord sees a proposal's status and dates, not who it was for). Mails are
// the person's by the key set when each was queued (notifications.user_id), never by the
// address: an address its owner left can be registered by someone else.
import { db } from './client';

function check<T>(what: string, result: { data: T; error: null } | { data: null; error: { message: string } }): T {
	if (result.error) throw new Error(`exporting ${what}: ${result.error.message}`);
	return result.data as T;
}

/** everything the platform holds about this person; null when there is no such account */
export async function exportFor(userId: string) {
	const { data: account, error } = await db()
		.from('users')
		.select('id, email, display_name, phone, locale, email_verified_at, created_at')
		.eq('id', userId)
		.maybeSingle();
	if (error) throw new Error(`exporting the account: ${error.message}`);
	if (!account) return null;
	const [roles, sessions, knownAddresses, tokens, profile, languages, dwellings, signups, notifications, optOuts] = await Promise.all([
		db().from('user_roles').select('role, granted_at').eq('user_id', userId),
		db().from('sessions').select('created_at, last_verified_at, expires_at').eq('user_id', userId),
		// the addresses they logged in from are kept only as a hash: when is what there is to tell
		db().from('known_addresses').select('last_login_at').eq('user_id', userId).order('last_login_at'),
		db().from('email_tokens').select('purpose, new_email, created_at, expires_at, used_at').eq('user_id', userId),
		db().from('volunteer_profiles').select('*').eq('user_id', userId).maybeSingle(),
		db().from('volunteer_languages').select('language, level, interpreting').eq('user_id', userId),
		db().from('dwellings').select('*').eq('landlord_id', userId).order('created_at'),
		db()
			.from('signups')
			.select(
				'status, created_at, joined_at, hours, hours_reported, hours_review, hours_note, hours_approved_at, task:tasks(title, type, starts_at, ends_at, locality)'
			)
			.eq('volunteer_id', userId)
			.order('created_at'),
		db()
			.from('notifications')
			.select('recipient, template, locale, payload, status, created_at, sent_at')
			.eq('user_id', userId)
			.order('created_at'),
		db().from('mail_opt_outs').select('category, created_at').eq('email', account.email.toLowerCase())
	]);
	// staff's own notes and who reviewed are the municipality's working notes, not theirs
	const ownDwellings = check('dwellings', dwellings).map(({ staff_note: _note, reviewed_by: _by, ...d }) => d);
	const ids = ownDwellings.map((d) => d.id);
	const [proposals, checks] = await Promise.all([
		db().from('matches').select('dwelling_id, status, created_at, decided_at, decline_reason').in('dwelling_id', ids).order('created_at'),
		db().from('availability_checks').select('dwelling_id, sent_at, expires_at, answered_at, answer').in('dwelling_id', ids)
	]);
	return {
		exported_at: new Date().toISOString(),
		account: { ...account, roles: check('roles', roles) },
		sessions: check('sessions', sessions),
		known_addresses: check('known addresses', knownAddresses),
		email_links: check('e-mail links', tokens),
		volunteer_profile: check('the profile', profile),
		volunteer_languages: check('languages', languages),
		dwellings: ownDwellings,
		proposals: check('proposals', proposals),
		availability_checks: check('availability checks', checks),
		signups: check('sign-ups', signups),
		notifications: check('notifications', notifications),
		mail_opt_outs: check('opt-outs', optOuts)
	};
}

/** erase the account: personal data deleted or anonymised, confirmed matches kept without it */
export async function erase(userId: string) {
	const { error } = await db().rpc('erase_account', { p_user: userId });
	if (error) throw new Error(`erasing an account: ${error.message}`);
}
