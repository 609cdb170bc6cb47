// The audit log: who read or changed which household, dwelling or volunteer profile.
// Changes are written by triggers in the database (with before/after); reads of one
// record's page are written here. The log is only ever appended to: the database refuses
// updates and deletes (apart from forgetting a deleted person, see the migrations).
import type { Json } from '$lib/database.types';
import type { ListState } from '$lib/schemas/list';
import { db } from './client';
import { pageOf } from './paging';

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

/** one page, newest first (or oldest, turned around); `total` counts every row the filters match */
export async function list(filters: Filters): Promise<{ rows: Row[]; total: number }> {
	const read = (from: number, to: number) => {
		let query = db()
			.from('audit_log')
			.select('id, at, action, entity, entity_id, actor_id, before, after, actor:users!audit_log_actor_id_fkey(display_name)', {
				count: 'exact'
			});
		if (filters.record) query = query.eq('entity_id', filters.record);
		if (filters.actor) query = query.eq('actor_id', filters.actor);
		if (filters.entity) query = query.eq('entity', filters.entity);
		return query.order('id', { ascending: filters.dir === 'asc' }).range(from, to);
	};
	const { rows, total } = await pageOf(filters, read, 'reading the audit log');
	return {
		total,
		rows: rows.map((r) => ({
			id: r.id,
			at: r.at,
			action: r.action,
			entity: r.entity,
			entityId: r.entity_id,
			actorId: r.actor_id,
			actorName: r.actor?.display_name ?? null,
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
