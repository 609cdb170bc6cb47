import { m } from '$lib/paraglide/messages';
import { inviteSchema } from '$lib/schemas/invite';
import * as accounts from '$lib/server/auth/accounts';
import { userOf } from '$lib/server/auth/authorize';
import * as users from '$lib/server/db/users';
import { invalid, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const staff = await users.staff();
	return {
		staff: staff.map((s) => ({ id: s.id, name: s.displayName, email: s.email, roles: s.roles, active: s.passwordHash !== null }))
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = userOf(event);
		const form = await validate(inviteSchema, event.request);
		if (!form.valid) return invalid(form);
		const result = await accounts.inviteStaff(
			{ email: form.data.email, displayName: form.data.display_name, locale: form.data.locale },
			admin.displayName
		);
		if (result === 'email_taken') return refuseField(form, 'email', m.error_email_taken(), 409);
		return { invited: form.data.email };
	}
};
