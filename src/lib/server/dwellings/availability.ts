// "Still available?": every 30 days an approved, unmatched offer gets a mail with two
// links (yes / no longer) that work without logging in: a single-use token, hashed in the
// database, valid 14 days. No answer in 14 days flags the offer as stale for staff.
import { fromBytea, newToken, parseToken, secretMatches, toBytea } from '$lib/server/auth/tokens';
import * as availability from '$lib/server/db/availability';

export const CHECK_VALID_MS = 14 * 24 * 3600_000;

/** send the checks that are due; safe to run from every instance at once */
export async function sendDueChecks(limit = 100): Promise<number> {
	const due = await availability.dueForCheck(limit);
	for (const dwellingId of due) {
		const token = newToken();
		await availability.issue({
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
	const check = await availability.open(parsed.id);
	if (!check || !secretMatches(parsed.secret, fromBytea(check.secretHash))) return null;
	return { id: parsed.id, address: check.address };
}

export async function answerCheck(token: string, available: boolean): Promise<boolean> {
	const check = await openCheck(token);
	return check ? availability.answer(check.id, available) : false;
}
