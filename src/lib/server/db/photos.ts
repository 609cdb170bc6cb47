// A dwelling's photos as rows: the order, captions and sizes (the pictures are objects in the
// bucket, named by the photo's id: photo-store.ts). Two sets, each in its own order: the
// landlord's, and the municipality's own (byStaff), which may belong to an inspection. The
// order and the limit of 12 a set are kept in SQL (add_, move_ and remove_dwelling_photo).
import { db } from './client';

export const MAX_PHOTOS = 12;

export type Photo = { id: string; position: number; caption: string; width: number; height: number };
/** a photo as staff's page lists it: which set, and the visit it was taken at */
export type StaffPhoto = Photo & { by_staff: boolean; inspection_id: string | null };

/** the object keys of a photo: its web size and its thumbnail */
export const keysOf = (id: string) => ({ web: `photos/${id}/web.webp`, thumb: `photos/${id}/thumb.webp` });

/** a set already has 12 photos (hint photo_limit) */
export class PhotoLimitError extends Error {}
/** the visit named is not one of this dwelling's (hint photo_visit) */
export class PhotoVisitError extends Error {}

/** which photos an action may change: a dwelling's, in one set */
export type PhotoSet = { dwellingId: string; byStaff: boolean };

/** both sets of a dwelling, each in its order (staff's page; the landlord's reads its own set) */
export async function list(dwellingId: string): Promise<StaffPhoto[]> {
	const { data, error } = await db()
		.from('dwelling_photos')
		.select('id, position, caption, width, height, by_staff, inspection_id')
		.eq('dwelling_id', dwellingId)
		.order('by_staff')
		.order('position');
	if (error) throw new Error(`listing photos: ${error.message}`);
	return data;
}

export async function add(
	set: PhotoSet,
	input: { id: string; by: string; width: number; height: number; caption: string; inspectionId?: string | null }
) {
	const { error } = await db().rpc('add_dwelling_photo', {
		p_dwelling: set.dwellingId,
		p_photo: input.id,
		p_by: input.by,
		p_width: input.width,
		p_height: input.height,
		p_caption: input.caption,
		p_by_staff: set.byStaff,
		p_inspection: input.inspectionId ?? undefined
	});
	if (error?.hint === 'photo_limit') throw new PhotoLimitError(error.message);
	if (error?.hint === 'photo_visit') throw new PhotoVisitError(error.message);
	if (error) throw new Error(`adding a photo: ${error.message}`);
}

export async function move(set: PhotoSet, id: string, up: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('move_dwelling_photo', {
		p_dwelling: set.dwellingId,
		p_photo: id,
		p_up: up,
		p_by_staff: set.byStaff
	});
	if (error) throw new Error(`moving a photo: ${error.message}`);
	return data === true;
}

export async function remove(set: PhotoSet, id: string): Promise<boolean> {
	const { data, error } = await db().rpc('remove_dwelling_photo', { p_dwelling: set.dwellingId, p_photo: id, p_by_staff: set.byStaff });
	if (error) throw new Error(`removing a photo: ${error.message}`);
	return data === true;
}

export async function setCaption(set: PhotoSet, id: string, caption: string): Promise<boolean> {
	const { data, error } = await db()
		.from('dwelling_photos')
		.update({ caption })
		.eq('id', id)
		.eq('dwelling_id', set.dwellingId)
		.eq('by_staff', set.byStaff)
		.select('id');
	if (error) throw new Error(`captioning a photo: ${error.message}`);
	return data.length === 1;
}

/** whose photo it is, for serving it: its dwelling's landlord (null: the municipality's) and its set */
export async function ownerOf(id: string): Promise<{ dwellingId: string; landlordId: string | null; byStaff: boolean } | null> {
	const { data, error } = await db()
		.from('dwelling_photos')
		.select('dwelling_id, by_staff, dwellings(landlord_id)')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`reading a photo: ${error.message}`);
	if (!data) return null;
	return {
		dwellingId: data.dwelling_id,
		landlordId: (data.dwellings as { landlord_id: string | null } | null)?.landlord_id ?? null,
		byStaff: data.by_staff
	};
}

/** objects whose rows are gone, oldest first */
export async function queuedDeletions(limit = 100): Promise<string[]> {
	const { data, error } = await db().from('storage_deletions').select('key').order('queued_at').limit(limit);
	if (error) throw new Error(`reading the deletion queue: ${error.message}`);
	return data.map((r) => r.key);
}

export async function deletionsDone(keys: string[]) {
	if (!keys.length) return;
	const { error } = await db().from('storage_deletions').delete().in('key', keys);
	if (error) throw new Error(`clearing the deletion queue: ${error.message}`);
}
