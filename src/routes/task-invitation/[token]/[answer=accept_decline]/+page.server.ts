import { fail } from '@sveltejs/kit';
import { SignupRefused } from '$lib/server/db/tasks';
import { nudge } from '$lib/server/mail';
import { answerInvitation, openInvitation } from '$lib/server/db/invitations';
import type { Actions, PageServerLoad } from './$types';

// Open to anyone with the link: the single-use token is the permission. A GET only shows
// the task and a button, so a mail scanner opening the link changes nothing. The answer is
// accept or decline (src/params/accept_decline.ts): any other word is a 404.

export const load: PageServerLoad = async (event) => {
	const answer = event.params.answer;
	const opened = await openInvitation(event.params.token);
	return { answer, state: opened.state, task: opened.state === 'invalid' ? null : opened.task };
};

export const actions: Actions = {
	default: async (event) => {
		const answer = event.params.answer;
		try {
			const result = await answerInvitation(event.params.token, answer);
			if (!result) return fail(400, { invalid: true });
			nudge();
			return {
				done:
					result.answer === 'declined'
						? ('declined' as const)
						: result.outcome === 'waitlisted'
							? ('waitlisted' as const)
							: ('confirmed' as const)
			};
		} catch (e) {
			// the sign-up rules said no: nothing changed, the link still works once the reason is gone
			if (e instanceof SignupRefused) return fail(409, { refused: e.reason });
			throw e;
		}
	}
};
