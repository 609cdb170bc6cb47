import { redirect } from '@sveltejs/kit';
import { yearInOslo } from '$lib/dates';
import { retentionSchema } from '$lib/schemas/retention';
import { CAP_SIZES, matchingSettingsSchema, settingsSchema, WEIGHT_PARTS } from '$lib/schemas/settings';
import { DEFAULT_WEIGHTS } from '$lib/server/matching';
import * as retention from '$lib/server/db/retention';
import * as settings from '$lib/server/db/settings';
import { formFrom, invalid, validate } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const year = yearInOslo();
	// the year's target, rent caps, matching settings and retention period in one read
	const { target, rentCaps: caps, retentionMonths: months, ...matchingSettings } = await settings.overview(year);
	const weights = { ...DEFAULT_WEIGHTS, ...(matchingSettings.weights ?? {}) };
	return {
		// the page's three forms, filled from what is stored
		form: await formFrom(settingsSchema, { year, target, ...Object.fromEntries(CAP_SIZES.map((n) => [`cap_${n}`, caps.get(n)])) }, 'save'),
		matching: await formFrom(
			matchingSettingsSchema,
			{ crowded_margin: matchingSettings.crowdedMargin, ...Object.fromEntries(WEIGHT_PARTS.map((p) => [`weight_${p}`, weights[p]])) },
			'matching'
		),
		retention: await formFrom(retentionSchema, { retention_months: months }, 'retention'),
		// shown beside each weight, so that an admin can go back to them
		defaultWeights: DEFAULT_WEIGHTS,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await validate(settingsSchema, event.request, 'save');
		if (!form.valid) return invalid(form);
		const data = form.data as Record<string, number | undefined>;
		await settings.save({
			year: form.data.year,
			target: form.data.target,
			rentCaps: CAP_SIZES.filter((n) => data[`cap_${n}`] !== undefined).map((n) => ({ persons: n, max_rent_nok: data[`cap_${n}`]! }))
		});
		redirect(303, '/staff/admin/settings?saved');
	},
	matching: async (event) => {
		const form = await validate(matchingSettingsSchema, event.request, 'matching');
		if (!form.valid) return invalid(form);
		const data = form.data as Record<string, number>;
		await settings.saveMatching(form.data.crowded_margin, Object.fromEntries(WEIGHT_PARTS.map((p) => [p, data[`weight_${p}`]])));
		redirect(303, '/staff/admin/settings?saved');
	},
	retention: async (event) => {
		const form = await validate(retentionSchema, event.request, 'retention');
		if (!form.valid) return invalid(form);
		await retention.setMonths(form.data.retention_months);
		redirect(303, '/staff/admin/settings?saved');
	}
};
