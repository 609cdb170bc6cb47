import { fail, redirect } from '@sveltejs/kit';
import { languageChoices } from '$lib/languages';
import { getLocale } from '$lib/paraglide/runtime';
import { LANGUAGE_ROWS, PARTS, SKILLS, toProfile, volunteerProfileSchema, WEEKDAYS } from '$lib/schemas/volunteer-profile';
import { userOf } from '$lib/server/auth/authorize';
import * as volunteers from '$lib/server/db/volunteers';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = userOf(event);
	const p = await volunteers.profile(user.id);
	// the stored profile as the form's values
	const values: Record<string, string> = {
		phone: p?.phone ?? '',
		localities: (p?.localities ?? []).join(', '),
		max_tasks_per_month: String(p?.max_tasks_per_month ?? 4),
		dates_away: p?.dates_away ?? ''
	};
	for (const s of SKILLS) if (p?.skills.includes(s)) values[`skill_${s}`] = 'on';
	const availability = (p?.availability ?? {}) as Record<string, string[]>;
	for (const d of WEEKDAYS) for (const part of PARTS) if (availability[d]?.includes(part)) values[`available_${d}_${part}`] = 'on';
	(p?.volunteer_languages ?? []).slice(0, LANGUAGE_ROWS).forEach((l, i) => {
		values[`language_${i}`] = l.language;
		values[`level_${i}`] = l.level;
		if (l.interpreting) values[`interpreting_${i}`] = 'on';
	});
	return {
		values,
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
		const form = readForm(volunteerProfileSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		await volunteers.save(user.id, toProfile(form.data as Parameters<typeof toProfile>[0]));
		redirect(303, '/volunteer/profile?saved');
	}
};
