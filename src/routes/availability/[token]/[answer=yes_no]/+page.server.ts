import { m } from '$lib/paraglide/messages';
import { answerCheck, openCheck } from '$lib/server/db/availability';
import { refusal } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

// Open to anyone with the link: the single-use token is the permission. A GET only
// shows the answer and a button, so a mail scanner opening the link changes nothing. The
// answer is yes or no (src/params/yes_no.ts): any other word is a 404.

export const load: PageServerLoad = async (event) => {
	const available = event.params.answer === 'yes';
	const check = await openCheck(event.params.token);
	return { available, address: check?.address ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		if (!(await answerCheck(event.params.token, event.params.answer === 'yes'))) return refusal(m.availability_invalid(), 400);
		return { done: true };
	}
};
