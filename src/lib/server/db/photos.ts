// A dwelling's photos as rows: the order, captions and sizes (the pictures are objects in the
// bucket, named by the photo's id: src/lib/server/photos/). The order and the limit of 12 are
// kept in SQL (add_dwelling_photo, move_dwelling_photo, remove_dwelling_photo).
import { db } from './client';

export const MAX_PHOTOS = 12;

export type Photo = { id: string; position: number; caption: string; width: number; height: number };

/** the object keys of a photo: its web size and its thumbnail */
export const keysOf = (id: string) => ({ web: `photos/${id}/web.webp`, thumb: `photos/${id}/thumb.webp` });

/** a dwelling already has 12 photos (hint photo_limit) */
export class PhotoLimitError extends Error {}

export async function list(dwellingId: string): Promise<Photo[]> {
	const { data, error } = await db()
		.from('dwelling_photos')
		.select('id, position, caption, width, height')
		.eq('dwelling_id', dwellingId)
		.order('position');
	if (error) throw new Error(`listing photos: ${error.message}`);
	return data;
}

export async function add(input: { dwellingId: string; id: string; by: string; width: number; height: number; caption: string }) {
	const { error } = await db().rpc('add_dwelling_photo', {
		p_dwelling: input.dwellingId,
		p_photo: input.id,
		p_by: input.by,
		p_width: input.width,
		p_height: input.height,
		p_caption: input.caption
	});
	if (error?.hint === 'photo_limit') throw new PhotoLimitError(error.message);
	if (error) throw new Error(`adding a photo: ${error.message}`);
}

export async function move(dwellingId: string, id: string, up: boolean): Promise<boolean> {
	const { data, error } = await db().rpc('move_dwelling_photo', { p_dwelling: dwellingId, p_photo: id, p_up: up });
	if (error) throw new Error(`moving a photo: ${error.message}`);
	return data === true;
}

export async function remove(dwellingId: string, id: string): Promise<boolean> {
	const { data, error } = await db().rpc('remove_dwelling_photo', { p_dwelling: dwellingId, p_photo: id });
	if (error) throw new Error(`removing a photo: ${error.message}`);
	return data === true;
}

export async function setCaption(dwellingId: string, id: string, caption: string): Promise<boolean> {
	const { data, error } = await db().from('dwelling_photos').update({ caption }).eq('id', id).eq('dwelling_id', dwellingId).select('id');
	if (error) throw new Error(`captioning a photo: ${error.message}`);
	return data.length === 1;
}

/** whose photo it is, for serving it: the dwelling and its landlord (null: the municipality's) */
export async function ownerOf(id: string): Promise<{ dwellingId: string; landlordId: string | null } | null> {
	const { data, error } = await db().from('dwelling_photos').select('dwelling_id, dwellings(landlord_id)').eq('id', id).maybeSingle();
	if (error) throw new Error(`reading a photo: ${error.message}`);
	if (!data) return null;
	return { dwellingId: data.dwelling_id, landlordId: (data.dwellings as { landlord_id: string | null } | null)?.landlord_id ?? null };
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
