import { m } from '$lib/paraglide/messages';
import { SignupRefused } from '$lib/server/db/tasks';
import { refusal } from '$lib/server/form';
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

const REFUSED = {
	task_closed: m.vol_refused_closed,
	already_signed_up: m.vol_refused_already,
	overlap: m.vol_refused_overlap,
	certificate_required: m.vol_refused_certificate,
	unverified: m.vol_unverified
};

export const actions: Actions = {
	default: async (event) => {
		const answer = event.params.answer;
		try {
			const result = await answerInvitation(event.params.token, answer);
			if (!result) return refusal(m.taskinv_answer_invalid(), 400);
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
			if (e instanceof SignupRefused) return refusal(`${m.taskinv_answer_refused()} ${REFUSED[e.reason]()}`);
			throw e;
		}
	}
};
