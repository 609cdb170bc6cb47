// Invitations to a task by mail, with accept and decline links that work without logging
// in: a single-use token (id.secret) per invitation, only the secret's SHA-256 hash
// stored, valid until the task starts.
import { fromBytea, newToken, parseToken, secretMatches } from '$lib/server/auth/tokens';
import * as invitations from '$lib/server/db/invitations';

export type Answer = 'accept' | 'decline';

/** invite these volunteers; returns how many were invited (others were already asked or signed up) */
export async function inviteVolunteers(taskId: string, staffId: string, volunteerIds: string[]): Promise<number> {
	const rows = volunteerIds.map((volunteerId) => {
		const token = newToken();
		return {
			volunteer_id: volunteerId,
			token_id: token.id,
			secret_hash: Buffer.from(token.secretHash).toString('hex'),
			token: token.token
		};
	});
	return invitations.invite(taskId, staffId, rows);
}

export type Opened =
	| { state: 'invalid' }
	| {
			state: 'open' | 'answered' | 'expired';
			id: string;
			task: { id: string; title: string; starts_at: string; ends_at: string; locality: string };
	  };

/** the invitation behind a link: open, already answered, expired — or not a genuine link */
export async function openInvitation(token: string): Promise<Opened> {
	const parsed = parseToken(token);
	if (!parsed) return { state: 'invalid' };
	const found = await invitations.byId(parsed.id);
	if (!found || !found.task || !secretMatches(parsed.secret, fromBytea(found.secret_hash as unknown as string)))
		return { state: 'invalid' };
	const now = Date.now();
	const state = found.answered_at
		? 'answered'
		: new Date(found.expires_at).getTime() <= now || new Date(found.task.starts_at).getTime() <= now
			? 'expired'
			: 'open';
	return { state, id: found.id, task: found.task };
}

/** answer through the link; null when it can no longer be answered */
export async function answerInvitation(token: string, answer: Answer) {
	const opened = await openInvitation(token);
	if (opened.state !== 'open') return null;
	return invitations.answer(opened.id, answer === 'accept');
}
