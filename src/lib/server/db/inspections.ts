// The municipality's inspection of a dwelling (issue 20, item 2): staff record a visit with
// each item's finding; a failed item sends an offer back to the landlord, and approval needs
// a passed inspection unless the admin setting says otherwise — both in SQL
// (record_inspection, review_dwelling), so no path around them.
import { z } from 'zod';
import type { InspectionItem } from '$lib/schemas/inspection';
import { INSPECTION_ITEMS, INSPECTION_RESULTS } from '$lib/schemas/inspection';
import { db } from './client';
import { shape } from './shape';

/** a dwelling's inspection as staff's page shows it (public.dwelling_inspections) */
export const inspectionShape = z.object({
	id: z.string(),
	inspected_on: z.string(),
	passed: z.boolean(),
	remarks: z.string(),
	inspector: z.string().nullable(),
	findings: z.array(z.object({ item: z.enum(INSPECTION_ITEMS), result: z.enum(INSPECTION_RESULTS), note: z.string() }))
});
export type Inspection = z.output<typeof inspectionShape>;

/** a draft is not inspected (hint inspection_draft) */
export class DraftError extends Error {}

/** records the visit; sentBack: a failed item sent the offer back to the landlord, who is mailed */
export async function record(input: {
	dwellingId: string;
	staffId: string;
	inspectedOn: string;
	findings: { item: InspectionItem; result: (typeof INSPECTION_RESULTS)[number]; note: string }[];
	remarks: string;
}): Promise<{ id: string; sentBack: boolean }> {
	const { data, error } = await db().rpc('record_inspection', {
		p_dwelling: input.dwellingId,
		p_staff: input.staffId,
		p_inspected_on: input.inspectedOn,
		p_findings: input.findings,
		p_remarks: input.remarks
	});
	if (error?.hint === 'inspection_draft') throw new DraftError(error.message);
	if (error) throw new Error(`recording an inspection: ${error.message}`);
	const done = shape('record_inspection', z.object({ id: z.string(), sent_back: z.boolean() }), data);
	return { id: done.id, sentBack: done.sent_back };
}

/** the admin's rule: approval needs a passed inspection */
export async function setRequired(needed: boolean) {
	const { error } = await db().rpc('save_inspection_setting', { p_needed: needed });
	if (error) throw new Error(`saving the inspection setting: ${error.message}`);
}
