// The sheets staff print (issue 18, item 8): a household's move-in sheet and a task's sheet.
// Each is one call (public.household_sheet, public.task_sheet) that also writes the read of
// the household to the audit log, as the household's page does.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { db } from './client';
import { shape } from './shape';

const maybeText = z.string().nullable();
const volunteer = z.object({ name: z.string(), phone: maybeText, email: z.string() });
const taskRow = z.object({
	id: z.string(),
	title: z.string(),
	starts_at: z.string(),
	ends_at: z.string(),
	address: maybeText,
	status: z.enum(Constants.public.Enums.task_status),
	volunteers: z.array(volunteer)
});

const householdSheet = z
	.object({
		id: z.string(),
		imdi_reference: z.string(),
		contact_name: maybeText,
		contact_phone: maybeText,
		expected_arrival: maybeText,
		status: z.enum(Constants.public.Enums.household_status),
		persons: z.number().int(),
		dwelling: z
			.object({
				street: z.string(),
				postcode: maybeText,
				place: maybeText,
				landlord_name: maybeText,
				landlord_email: maybeText,
				landlord_phone: maybeText
			})
			.nullable(),
		tasks: z.array(taskRow)
	})
	.nullable();

const taskSheet = z
	.object({
		...taskRow.shape,
		type: z.enum(Constants.public.Enums.task_type),
		description: maybeText,
		locality: maybeText,
		volunteers_needed: z.number().int(),
		household: z.object({ id: z.string(), contact_name: maybeText, contact_phone: maybeText }).nullable()
	})
	.nullable();

/** a household's move-in sheet, its read logged for `readerId`; null: no such household */
export async function household(id: string, readerId: string) {
	const { data, error } = await db().rpc('household_sheet', { p_household: id, p_reader: readerId });
	if (error) throw new Error(`reading a household's sheet: ${error.message}`);
	return shape('household_sheet', householdSheet, data);
}

/** a task's sheet, the read of its household (if any) logged for `readerId`; null: no such task */
export async function task(id: string, readerId: string) {
	const { data, error } = await db().rpc('task_sheet', { p_task: id, p_reader: readerId });
	if (error) throw new Error(`reading a task's sheet: ${error.message}`);
	return shape('task_sheet', taskSheet, data);
}
