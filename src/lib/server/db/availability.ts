// "Still available?": every 30 days an approved, unmatched offer gets a mail with two
// links (yes / no longer) that work without logging in: a single-use token, hashed in the
// database, valid 14 days. No answer in 14 days flags the offer as stale for staff.
import { fromBytea, newToken, parseToken, secretMatches, toBytea } from '$lib/server/auth/tokens';
import { db } from './client';

export async function dueForCheck(limit: number): Promise<string[]> {
	const { data, error } = await db().rpc('dwellings_due_for_check', { p_limit: limit });
	if (error) throw new Error(`finding offers to check: ${error.message}`);
	return data;
}

/** a check and its mail; `token` (id.secret) goes in the mail, whose links the renderer makes */
export async function issue(input: { dwellingId: string; id: string; hash: string; expiresAt: Date; token: string }) {
	const { error } = await db().rpc('issue_availability_check', {
		p_dwelling: input.dwellingId,
		p_check_id: input.id,
		p_secret_hash: input.hash,
		p_expires_at: input.expiresAt.toISOString(),
		p_token: input.token
	});
	if (error) throw new Error(`sending a check: ${error.message}`);
}

/** an open check and its dwelling's address, if the check can still be answered */
export async function open(id: string) {
	const { data, error } = await db()
		.from('availability_checks')
		.select('secret_hash, dwelling:dwellings(street, place)')
		.eq('id', id)
		.is('answered_at', null)
		.gt('expires_at', new Date().toISOString())
		.maybeSingle();
	if (error) throw new Error(`reading a check: ${error.message}`);
	return data ? { secretHash: data.secret_hash, address: `${data.dwelling.street}, ${data.dwelling.place}` } : null;
}

export async function answer(id: string, available: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('answer_availability_check', { p_check_id: id, p_available: available });
	if (error) throw new Error(`answering a check: ${error.message}`);
	return data !== null;
}

export const CHECK_VALID_MS = 14 * 24 * 3600_000;

/** send the checks that are due; safe to run from every instance at once */
export async function sendDueChecks(limit = 100): Promise<number> {
	const due = await dueForCheck(limit);
	for (const dwellingId of due) {
		const token = newToken();
		await issue({
			dwellingId,
			id: token.id,
			hash: toBytea(token.secretHash),
			expiresAt: new Date(Date.now() + CHECK_VALID_MS),
			token: token.token
		});
	}
	return due.length;
}

/** the check behind a link, if the link is genuine and can still be answered */
export async function openCheck(token: string) {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const check = await open(parsed.id);
	if (!check || !secretMatches(parsed.secret, fromBytea(check.secretHash))) return null;
	return { id: parsed.id, address: check.address };
}

export async function answerCheck(token: string, available: boolean): Promise<boolean> {
	const check = await openCheck(token);
	return check ? answer(check.id, available) : false;
}
