import { fail, redirect } from '@sveltejs/kit';
import { yearInOslo } from '$lib/dates';
import { retentionSchema } from '$lib/schemas/retention';
import { CAP_SIZES, matchingSettingsSchema, settingsSchema, WEIGHT_PARTS } from '$lib/schemas/settings';
import { DEFAULT_WEIGHTS } from '$lib/server/matching';
import * as retention from '$lib/server/db/retention';
import * as settings from '$lib/server/db/settings';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const year = yearInOslo();
	// the year's target, rent caps, matching settings and retention period in one read
	const { target, rentCaps: caps, retentionMonths: months, ...matchingSettings } = await settings.overview(year);
	const weights = { ...DEFAULT_WEIGHTS, ...(matchingSettings.weights ?? {}) };
	return {
		values: {
			year: String(year),
			target: target === null ? '' : String(target),
			...Object.fromEntries(CAP_SIZES.map((n) => [`cap_${n}`, caps.has(n) ? String(caps.get(n)) : '']))
		} as Record<string, string>,
		matching: {
			crowded_margin: String(matchingSettings.crowdedMargin),
			...Object.fromEntries(WEIGHT_PARTS.map((p) => [`weight_${p}`, String(weights[p])]))
		} as Record<string, string>,
		retention: { retention_months: String(months) } as Record<string, string>,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = readForm(settingsSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const data = form.data as Record<string, number | undefined>;
		await settings.save({
			year: form.data.year,
			target: form.data.target,
			rentCaps: CAP_SIZES.filter((n) => data[`cap_${n}`] !== undefined).map((n) => ({ persons: n, max_rent_nok: data[`cap_${n}`]! }))
		});
		redirect(303, '/staff/admin/settings?saved');
	},
	matching: async (event) => {
		const form = readForm(matchingSettingsSchema, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'matching', values: form.values, errors: form.errors });
		const data = form.data as Record<string, number>;
		await settings.saveMatching(form.data.crowded_margin, Object.fromEntries(WEIGHT_PARTS.map((p) => [p, data[`weight_${p}`]])));
		redirect(303, '/staff/admin/settings?saved');
	},
	retention: async (event) => {
		const form = readForm(retentionSchema, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'retention', values: form.values, errors: form.errors });
		await retention.setMonths(form.data.retention_months);
		redirect(303, '/staff/admin/settings?saved');
	}
};
