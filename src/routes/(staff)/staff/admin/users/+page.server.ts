import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { deactivateSchema, inviteSchema } from '$lib/schemas/invite';
import * as accounts from '$lib/server/auth/accounts';
import { userOf } from '$lib/server/auth/authorize';
import * as users from '$lib/server/db/users';
import { invalid, refuse, refuseField, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const me = userOf(event);
	const staff = await users.staff();
	return {
		staff: staff.map((s) => ({
			id: s.id,
			name: s.displayName,
			email: s.email,
			admin: s.roles.includes('admin'),
			status: s.deactivatedAt ? ('deactivated' as const) : s.passwordHash !== null ? ('active' as const) : ('pending' as const),
			deactivatedAt: s.deactivatedAt,
			me: s.id === me.id
		})),
		deactivated: event.url.searchParams.get('deactivated')
	};
};

const REFUSALS = {
	self: m.staff_users_refused_self,
	not_staff: m.staff_users_refused_not_staff,
	last_admin: m.staff_users_refused_last_admin
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = userOf(event);
		const form = await validate(inviteSchema, event.request);
		if (!form.valid) return invalid(form);
		const result = await accounts.inviteStaff(
			{ email: form.data.email, displayName: form.data.display_name, locale: form.data.locale, role: form.data.role },
			admin.displayName
		);
		if (result === 'email_taken') return refuseField(form, 'email', m.error_email_taken(), 409);
		return { invited: form.data.email };
	},
	deactivate: async (event) => {
		const admin = userOf(event);
		const form = await validate(deactivateSchema, event.request, 'deactivate');
		// a button's hidden field: only a crafted post gets it wrong
		if (!form.valid) return refuse(form, m.error_invalid(), 400);
		const result = await users.deactivateStaff(form.data.user_id, admin.id);
		if (result !== 'ok' && result !== 'already') return refuse(form, REFUSALS[result]());
		redirect(303, `/staff/admin/users?deactivated=${form.data.user_id}`);
	}
};
