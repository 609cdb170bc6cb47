// The two pages where a password is chosen from a link (reset, staff invitation) work the
// same way; this is that way, for their loads and actions.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { newPasswordSchema } from '$lib/schemas/reset';
import { readForm } from '$lib/server/forms';
import * as accounts from './accounts';
import { passwordMessage } from './password-policy';

type Purpose = 'password_reset' | 'staff_invite';
type Event = RequestEvent<{ token: string }>;

export async function loadPasswordLink(event: Event, purpose: Purpose) {
	return { valid: (await accounts.tokenIsUsable(event.params.token, [purpose])) !== null };
}

export async function choosePassword(event: Event, purpose: Purpose) {
	const form = readForm(newPasswordSchema, await event.request.formData());
	if (!form.ok) return fail(400, { errors: form.errors });
	const result = await accounts.useToken(event.params.token, [purpose], { password: form.data.password });
	if (typeof result === 'object') return fail(400, { errors: { password: passwordMessage(result.weak) } });
	if (result !== 'ok') return fail(400, { invalid: true });
	// every session of the account ended with the new password
	redirect(303, '/login?reset');
}
