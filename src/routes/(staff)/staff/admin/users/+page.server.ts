import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { inviteSchema } from '$lib/schemas/invite';
import * as accounts from '$lib/server/auth/accounts';
import { userOf } from '$lib/server/auth/authorize';
import * as users from '$lib/server/db/users';
import { readForm, typedValues } from '$lib/server/forms';
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
		const formData = await event.request.formData();
		const form = readForm(inviteSchema, formData);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await accounts.inviteStaff(
			{ email: form.data.email, displayName: form.data.display_name, locale: form.data.locale },
			admin.displayName
		);
		if (result === 'email_taken') return fail(409, { values: typedValues(formData), errors: { email: m.error_email_taken() } });
		return { invited: form.data.email };
	}
};
