// The two pages where a password is chosen from a link (reset, staff invitation) work the
// same way; this is that way, for their loads and actions.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { newPasswordSchema } from '$lib/schemas/reset';
import { invalid, refuse, refuseField, validate } from '$lib/server/form';
import * as accounts from './accounts';
import { passwordMessage } from './password-policy';

type Purpose = 'password_reset' | 'staff_invite';
type Event = RequestEvent<{ token: string }>;

export async function loadPasswordLink(event: Event, purpose: Purpose) {
	return { valid: (await accounts.tokenIsUsable(event.params.token, [purpose])) !== null };
}

export async function choosePassword(event: Event, purpose: Purpose) {
	const form = await validate(newPasswordSchema, event.request);
	if (!form.valid) return invalid(form);
	const result = await accounts.useToken(event.params.token, [purpose], { password: form.data.password });
	if (typeof result === 'object') return refuseField(form, 'password', passwordMessage(result.weak));
	// a used or expired link: the page says so instead of the form
	if (result !== 'ok') return refuse(form, m.link_invalid(), 400);
	// every session of the account ended with the new password
	redirect(303, '/login?reset');
}
