import { z } from 'zod';
import { INSPECTION_ITEMS, INSPECTION_RESULTS } from './choices';
import { chosen, day } from './fields';

export { INSPECTION_ITEMS, INSPECTION_RESULTS };
export type InspectionItem = (typeof INSPECTION_ITEMS)[number];

// staff record a visit: the date, each item's finding (`item_<item>`: ok, failed or not
// applicable, with an optional `note_<item>`), and remarks. A failed item sends an offer
// back to the landlord; its note says what to mend, so a failed item needs one.
const findings = Object.fromEntries(
	INSPECTION_ITEMS.flatMap((item) => [
		[`item_${item}`, chosen(INSPECTION_RESULTS)],
		[`note_${item}`, z.string().trim().max(500, 'error_too_long').default('')]
	])
) as Record<`item_${InspectionItem}`, ReturnType<typeof chosen<typeof INSPECTION_RESULTS>>> &
	Record<`note_${InspectionItem}`, z.ZodDefault<z.ZodString>>;

export const inspectionSchema = z
	.object({
		inspected_on: day,
		remarks: z.string().trim().max(2000, 'error_too_long').default(''),
		...findings
	})
	.superRefine((v, ctx) => {
		for (const item of INSPECTION_ITEMS)
			if (v[`item_${item}`] === 'failed' && v[`note_${item}`] === '')
				ctx.addIssue({ code: 'custom', path: [`note_${item}`], message: 'error_inspection_note' });
	});

/** the findings as record_inspection takes them */
export const findingsOf = (v: z.output<typeof inspectionSchema>) =>
	INSPECTION_ITEMS.map((item) => ({ item, result: v[`item_${item}`]!, note: v[`note_${item}`] }));

// the admin's rule: approval needs a passed inspection, yes or no (chosen, never assumed from
// a box left unticked: an empty post changes nothing)
export const inspectionSettingSchema = z.object({ approval_needs_inspection: chosen(['yes', 'no']) });
