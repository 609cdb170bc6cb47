// The audit log: who read or changed which household, dwelling or volunteer profile.
// Changes are written by triggers in the database (with before/after); reads of one
// record's page are written here. The log is only ever appended to: the database refuses
// updates and deletes (apart from forgetting a deleted person, see the migrations).
import type { Json } from '$lib/database.types';
import { z } from 'zod';
import { rangeOf, type ListState } from '$lib/schemas/list';
import { db } from './client';
import { shape } from './shape';

export const ENTITIES = ['household', 'household_member', 'dwelling', 'volunteer_profile'] as const;
export type Entity = (typeof ENTITIES)[number];

export async function logRead(actorId: string, entity: Entity, entityId: string) {
	const { error } = await db().from('audit_log').insert({ actor_id: actorId, action: 'read', entity, entity_id: entityId });
	if (error) throw new Error(`logging a read: ${error.message}`);
}

export type Filters = ListState<'at'> & { record?: string; actor?: string; entity?: Entity };

export type Row = {
	id: number;
	at: string;
	action: string;
	entity: string;
	entityId: string;
	actorId: string | null;
	actorName: string | null;
	changes: { field: string; before: Json; after: Json }[];
};

const pageShape = z.object({
	total: z.number(),
	rows: z.array(
		z.object({
			id: z.number(),
			at: z.string(),
			action: z.string(),
			entity: z.string(),
			entity_id: z.string(),
			actor_id: z.string().nullable(),
			actor_name: z.string().nullable(),
			before: z.json().nullable(),
			after: z.json().nullable()
		})
	)
});

/**
 * one page, newest first (or oldest, turned around); `total` counts every row the filters
 * match. A page past the last has no rows and keeps the total, so the pager leads back.
 * (public.audit_log_page reads a deep page's ids from the index alone.)
 */
export async function list(filters: Filters): Promise<{ rows: Row[]; total: number }> {
	const { from } = rangeOf(filters);
	const { data, error } = await db().rpc('audit_log_page', {
		p_entity: filters.entity ?? undefined,
		p_actor: filters.actor ?? undefined,
		p_record: filters.record ?? undefined,
		p_oldest_first: filters.dir === 'asc',
		p_offset: from,
		p_limit: filters.size
	});
	if (error) throw new Error(`reading the audit log: ${error.message}`);
	const page = shape('audit_log_page', pageShape, data);
	return {
		total: page.total,
		rows: page.rows.map((r) => ({
			id: r.id,
			at: r.at,
			action: r.action,
			entity: r.entity,
			entityId: r.entity_id,
			actorId: r.actor_id,
			actorName: r.actor_name,
			changes: changes(r.before, r.after)
		}))
	};
}

const asObject = (j: Json): Record<string, Json | undefined> => (j && typeof j === 'object' && !Array.isArray(j) ? j : {});

// one line per field: what it held before and after (a created record has no before)
function changes(before: Json, after: Json) {
	const b = asObject(before);
	const a = asObject(after);
	const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f !== 'updated_at' && f !== 'created_at');
	return fields.map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
