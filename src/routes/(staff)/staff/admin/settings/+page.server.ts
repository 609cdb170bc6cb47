import { redirect } from '@sveltejs/kit';
import { yearInOslo } from '$lib/dates';
import { locales, type Locale } from '$lib/paraglide/runtime';
import { contactSchema, PAGES, pageTextsSchema, type Page } from '$lib/schemas/municipality';
import { inspectionSettingSchema } from '$lib/schemas/inspection';
import { retentionSchema } from '$lib/schemas/retention';
import { CAP_SIZES, matchingSettingsSchema, settingsSchema, WEIGHT_PARTS } from '$lib/schemas/settings';
import { DEFAULT_WEIGHTS } from '$lib/server/matching';
import * as inspections from '$lib/server/db/inspections';
import * as municipality from '$lib/server/db/municipality';
import * as retention from '$lib/server/db/retention';
import * as settings from '$lib/server/db/settings';
import { formFrom, invalid, validate } from '$lib/server/form';
import { defaultText } from '$lib/server/page-texts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const year = yearInOslo();
	// the year's target, rent caps, matching settings and retention period in one read
	const { target, rentCaps: caps, retentionMonths: months, approvalNeedsInspection, ...matchingSettings } = await settings.overview(year);
	// the contact details and both pages' texts, in one read
	const stored = await municipality.forSettings();
	const weights = { ...DEFAULT_WEIGHTS, ...(matchingSettings.weights ?? {}) };
	return {
		// the page's three forms, filled from what is stored
		form: await formFrom(settingsSchema, { year, target, ...Object.fromEntries(CAP_SIZES.map((n) => [`cap_${n}`, caps.get(n)])) }, 'save'),
		matching: await formFrom(
			matchingSettingsSchema,
			{
				crowded_margin: matchingSettings.crowdedMargin,
				proposal_wait_days: matchingSettings.proposalWaitDays,
				...Object.fromEntries(WEIGHT_PARTS.map((p) => [`weight_${p}`, weights[p]]))
			},
			'matching'
		),
		retention: await formFrom(retentionSchema, { retention_months: months }, 'retention'),
		inspection: await formFrom(
			inspectionSettingSchema,
			{ approval_needs_inspection: approvalNeedsInspection ? 'yes' : 'no' },
			'inspection'
		),
		// shown beside each weight, so that an admin can go back to them
		defaultWeights: DEFAULT_WEIGHTS,
		contact: await formFrom(contactSchema, stored.contact, 'contact'),
		// each page's text in every language: the admin's, else the app's own to start from
		pages: await Promise.all(
			PAGES.map(async (page) => {
				const texts = stored.texts(page);
				const row = Object.fromEntries(locales.map((l) => [`body_${l}`, texts[l] ?? defaultText(page, l)]));
				return { page, form: await formFrom(pageTextsSchema, { page, ...row }, `page-${page}`) };
			})
		),
		saved: event.url.searchParams.has('saved')
	};
};

// the same words as the app's own text (line endings and outer spaces aside) are not the
// admin's: stored as nothing, so the page follows the app's text when it changes
const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
const ownTexts = (page: Page, data: Record<string, unknown>) =>
	Object.fromEntries(
		locales.map((l: Locale) => {
			const body = String(data[`body_${l}`] ?? '').trim();
			return [l, body && !same(body, defaultText(page, l)) ? body : ''];
		})
	);

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
		await settings.saveMatching(
			form.data.crowded_margin,
			Object.fromEntries(WEIGHT_PARTS.map((p) => [p, data[`weight_${p}`]])),
			form.data.proposal_wait_days
		);
		redirect(303, '/staff/admin/settings?saved');
	},
	inspection: async (event) => {
		const form = await validate(inspectionSettingSchema, event.request, 'inspection');
		if (!form.valid) return invalid(form);
		await inspections.setRequired(form.data.approval_needs_inspection === 'yes');
		redirect(303, '/staff/admin/settings?saved');
	},
	contact: async (event) => {
		const form = await validate(contactSchema, event.request, 'contact');
		if (!form.valid) return invalid(form);
		await municipality.saveContact(form.data);
		redirect(303, '/staff/admin/settings?saved');
	},
	texts: async (event) => {
		const posted = await event.request.formData();
		const form = await validate(pageTextsSchema, posted, `page-${posted.get('page')}`);
		if (!form.valid) return invalid(form);
		await municipality.savePageTexts(form.data.page, ownTexts(form.data.page, form.data));
		redirect(303, '/staff/admin/settings?saved');
	},
	retention: async (event) => {
		const form = await validate(retentionSchema, event.request, 'retention');
		if (!form.valid) return invalid(form);
		await retention.setMonths(form.data.retention_months);
		redirect(303, '/staff/admin/settings?saved');
	}
};
