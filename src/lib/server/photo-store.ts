// A dwelling's photos from upload to erasure: each file read and written again by
// files/photo.ts (no metadata kept), its two sizes put in the bucket, then its row added — and
// the objects removed again if the row is refused (the 12th taken meanwhile). Objects whose
// rows are gone are removed from the bucket by purge(), after every removal and hourly.
import { randomUUID } from 'node:crypto';
import * as photos from '$lib/server/db/photos';
import * as storage from '$lib/server/storage';
import { PhotoError, processPhoto } from './files/photo';

export { PhotoError };

/** adds one photo to a set; throws PhotoError for a file that is not taken, PhotoLimitError past 12 */
export async function addPhoto(
	set: photos.PhotoSet,
	by: string,
	bytes: Uint8Array,
	extra: { caption?: string; inspectionId?: string | null } = {}
): Promise<string> {
	const done = await processPhoto(bytes);
	const id = randomUUID();
	const keys = photos.keysOf(id);
	await storage.put(keys.web, done.web, done.type);
	await storage.put(keys.thumb, done.thumb, done.type);
	try {
		await photos.add(set, {
			id,
			by,
			width: done.width,
			height: done.height,
			caption: extra.caption ?? '',
			inspectionId: extra.inspectionId
		});
	} catch (error) {
		await storage.remove([keys.web, keys.thumb]).catch(() => {});
		throw error;
	}
	return id;
}

/** removes from the bucket the objects whose rows are gone; returns how many */
export async function purge(): Promise<number> {
	let removed = 0;
	for (;;) {
		const keys = await photos.queuedDeletions();
		if (!keys.length) return removed;
		await storage.remove(keys);
		await photos.deletionsDone(keys);
		removed += keys.length;
	}
}

/** one size of a photo, for the app to stream after its check */
export const read = (id: string, size: 'web' | 'thumb') => storage.get(photos.keysOf(id)[size]);
