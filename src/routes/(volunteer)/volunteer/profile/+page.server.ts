import { redirect } from '@sveltejs/kit';
import { languageChoices } from '$lib/languages';
import { getLocale } from '$lib/paraglide/runtime';
import { toProfile, volunteerProfileSchema } from '$lib/schemas/volunteer-profile';
import { userOf } from '$lib/server/auth/authorize';
import * as volunteers from '$lib/server/db/volunteers';
import { formFrom, invalid, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	const p = await volunteers.profile(user.id);
	return {
		// the stored profile as the form's values (a first visit: the schema's defaults)
		form: await formFrom(volunteerProfileSchema, p ? { ...p, languages: p.volunteer_languages } : {}),
		// the names in the page's language, and any code this person saved before the list had it
		languages: languageChoices(
			getLocale(),
			(p?.volunteer_languages ?? []).map((l) => l.language)
		),
		certificate: p ? { status: p.police_certificate_status, expires: p.police_certificate_expires_on } : null,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = userOf(event);
		const form = await validate(volunteerProfileSchema, event.request);
		if (!form.valid) return invalid(form);
		await volunteers.save(user.id, toProfile(form.data));
		redirect(303, '/volunteer/profile?saved');
	}
};
