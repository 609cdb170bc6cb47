// Households: the most sensitive records here. Only staff reach this module, and every
// read of one household's record is written to the audit log (who, when).
import { Constants, type Database } from '$lib/database.types';
import { z } from 'zod';
import { db } from './client';
import { rangeOf, type ListState } from '$lib/schemas/list';
import { householdRow, memberRow, shape } from './shape';

export type Household = Database['public']['Tables']['households']['Row'];
export type Member = Database['public']['Tables']['household_members']['Row'];
export type HouseholdStatus = Database['public']['Enums']['household_status'];
export type Category = Database['public']['Enums']['household_category'];

export type NewHousehold = {
	imdi_reference: string;
	category: Category;
	contact_name: string;
	contact_phone: string;
	languages: string[];
	needs_step_free: boolean;
	needs_near_health_centre: boolean;
	needs_ground_floor: boolean;
	needs_departures?: number | null;
	has_pets: boolean;
	preferred_localities: string[];
	expected_arrival: string | null;
	staff_note: string;
	interpreter_need?: Database['public']['Enums']['interpreter_need'];
	interpreter_language?: string;
	caseworker_id?: string | null;
	members: { age_band: 'adult' | 'elderly' | 'child'; age: number | null }[];
};

export class DuplicateReferenceError extends Error {}
/** the household needs a professional interpreter while an interpreting task for volunteers is open (or the other way round) */
export class ProfessionalInterpreterError extends Error {}

export type ListFilters = ListState<'expected_arrival' | 'imdi_reference' | 'created_at'> & {
	status?: HouseholdStatus;
	category?: Category;
	/** a member of staff's id, or 'none': nobody responsible yet */
	caseworker?: string;
};

// staff_households_page (20261205020000_lists_in_sql.sql)
const listShape = z.object({
	total: z.number().int(),
	rows: z.array(
		z.object({
			id: z.string(),
			imdi_reference: z.string(),
			category: z.enum(Constants.public.Enums.household_category),
			status: z.enum(Constants.public.Enums.household_status),
			expected_arrival: z.string().nullable(),
			persons: z.number().int(),
			caseworker: z.object({ id: z.string(), name: z.string() }).nullable()
		})
	),
	caseworkers: z.array(z.object({ id: z.string(), name: z.string() }))
});

/** one page of staff's list, filtered and sorted in SQL, with the total and the staff to filter by */
export async function list(filters: ListFilters) {
	const { from } = rangeOf(filters);
	const { data, error } = await db().rpc('staff_households_page', {
		p_filters: {
			status: filters.status ?? null,
			category: filters.category ?? null,
			caseworker: filters.caseworker ?? null,
			sort: filters.sort,
			dir: filters.dir,
			size: filters.size,
			offset: from
		}
	});
	if (error) throw new Error(`listing households: ${error.message}`);
	return shape('staff_households_page', listShape, data);
}

export type MatchStatus = Database['public']['Enums']['match_status'];

/** a proposal of a dwelling to the household, newest first */
export type HistoryRow = {
	id: string;
	status: MatchStatus;
	score: number;
	created_at: string;
	decline_reason: string;
	/** photos: the dwelling as offered (the landlord's set; the municipality's own for its dwellings) */
	dwelling: {
		id: string;
		street: string | null;
		place: string | null;
		landlord_id: string | null;
		photos: { id: string; caption: string; width: number; height: number }[];
	} | null;
};

/** one thing that happened to a household (household_timeline, 20261205030000_case_after_the_move.sql) */
const timelineEvent = z.object({
	at: z.string(),
	kind: z.enum([
		'registered',
		'edited',
		'status',
		'caseworker',
		'anonymised',
		'follow_up_done',
		'follow_up_undone',
		'proposed',
		'accepted',
		'declined',
		'task',
		'signup',
		'hours',
		'mail'
	]),
	who: z.string().nullable(),
	detail: z.string().nullable()
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

/** a step of a settled household's follow-up checklist (household_checklist) */
const checklistStep = z.object({
	step_id: z.string(),
	name: z.string(),
	due_on: z.string(),
	done_on: z.string().nullable(),
	note: z.string(),
	done_by: z.string().nullable(),
	overdue: z.boolean()
});
export type ChecklistStep = z.infer<typeof checklistStep>;

// read_household (20261127110000_page_reads.sql, 20261205030000_case_after_the_move.sql)
const readShape = z
	.object({
		household: z.intersection(householdRow, z.object({ household_members: z.array(memberRow) })),
		history: z.array(
			z.object({
				id: z.string(),
				status: z.enum(Constants.public.Enums.match_status),
				score: z.number(),
				created_at: z.string(),
				decline_reason: z.string(),
				dwelling: z
					.object({
						id: z.string(),
						street: z.string().nullable(),
						place: z.string().nullable(),
						landlord_id: z.string().nullable(),
						photos: z.array(z.object({ id: z.string(), caption: z.string(), width: z.number(), height: z.number() }))
					})
					.nullable()
			})
		),
		timeline: z.array(timelineEvent),
		checklist: z.array(checklistStep),
		staff: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() }))
	})
	.nullable();

/**
 * one household with its members and its proposals; the read is logged with who read it,
 * in the same transaction (read_household)
 */
export async function read(
	id: string,
	readerId: string
): Promise<{
	household: Household & { household_members: Member[] };
	history: HistoryRow[];
	timeline: TimelineEvent[];
	checklist: ChecklistStep[];
	staff: { id: string; name: string; email: string }[];
} | null> {
	const { data, error } = await db().rpc('read_household', { p_household: id, p_reader: readerId });
	if (error) throw new Error(`reading a household: ${error.message}`);
	return shape('read_household', readShape, data);
}

export async function create(household: NewHousehold): Promise<string> {
	const { members, ...fields } = household;
	const { data, error } = await db().rpc('create_household', { p_household: fields, p_members: members });
	if (error?.code === '23505') throw new DuplicateReferenceError(household.imdi_reference);
	if (error?.hint === 'caseworker_not_staff') throw new CaseworkerNotStaffError(error.message);
	if (error) throw new Error(`registering a household: ${error.message}`);
	return data;
}

/**
 * staff put a household's record right: its fields and members, in one transaction, each
 * change in the audit log with before/after (update_household); false when it is
 * cancelled or anonymised (or gone), and nothing changes
 */
export async function update(id: string, household: NewHousehold): Promise<boolean> {
	const { members, ...fields } = household;
	const { data, error } = await db().rpc('update_household', { p_household: id, p_fields: fields, p_members: members });
	if (error?.code === '23505') throw new DuplicateReferenceError(household.imdi_reference);
	if (error?.hint === 'professional_interpreter_required') throw new ProfessionalInterpreterError(error.message);
	if (error?.hint === 'caseworker_not_staff') throw new CaseworkerNotStaffError(error.message);
	if (error) throw new Error(`changing a household: ${error.message}`);
	return data;
}

export class CaseworkerNotStaffError extends Error {}

/** the staff members and admins one may choose as a household's caseworker */
export async function caseworkers(): Promise<{ id: string; name: string; email: string }[]> {
	const { data, error } = await db()
		.from('user_roles')
		.select('user_id, users(display_name, email)')
		.in('role', ['staff', 'admin'])
		.limit(500);
	if (error) throw new Error(`listing caseworkers: ${error.message}`);
	const seen = new Map<string, { id: string; name: string; email: string }>();
	for (const r of data) if (r.users) seen.set(r.user_id, { id: r.user_id, name: r.users.display_name, email: r.users.email });
	return [...seen.values()].sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
}

/** staff assign, change or clear the responsible caseworker (logged by the household's audit trigger); false when gone or anonymised */
export async function assignCaseworker(id: string, caseworkerId: string | null): Promise<boolean> {
	const { data, error } = await db().rpc('assign_caseworker', { p_household: id, p_caseworker: caseworkerId as string });
	if (error?.hint === 'caseworker_not_staff') throw new CaseworkerNotStaffError(error.message);
	if (error) throw new Error(`assigning a caseworker: ${error.message}`);
	return data;
}

/** whether staff may still change the record: not once it is cancelled or anonymised (update_household) */
export const editable = (h: Pick<Household, 'status' | 'anonymised_at'>) => h.status !== 'cancelled' && h.anonymised_at === null;

/** all or nothing */
export async function importMany(households: NewHousehold[]): Promise<number> {
	const { data, error } = await db().rpc('import_households', { p_households: households });
	if (error?.code === '23505') throw new DuplicateReferenceError(error.details ?? '');
	if (error) throw new Error(`importing households: ${error.message}`);
	return data;
}

export async function setStatus(id: string, status: HouseholdStatus, settledOn: string | null): Promise<boolean> {
	const { data, error } = await db().rpc('set_household_status', {
		p_household: id,
		p_status: status,
		p_settled_on: settledOn as string
	});
	if (error) throw new Error(`changing a household's status: ${error.message}`);
	return data;
}
