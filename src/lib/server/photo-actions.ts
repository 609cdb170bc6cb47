// The photo forms of a dwelling's page (the landlord's own set, and staff's the municipality's
// set): add one or several files (a plain file input; each file read by its bytes and written
// again without metadata), caption, move up or down, remove. Each action is given the set the
// person may change (the page has checked the dwelling) and where to go back to.
import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { captionSchema, photoSchema, visitSchema } from '$lib/schemas/photo';
import * as photos from '$lib/server/db/photos';
import { fileForm, invalid, refuse, refuseField, validate } from '$lib/server/form';
import { addPhoto, PhotoError, purge } from '$lib/server/photo-store';
import { MAX_PHOTO_BYTES, type PhotoProblem } from '$lib/server/files/photo';
import { storageConfigured } from '$lib/server/storage';
import { log, errorFields } from '$lib/server/log';

type Target = { set: photos.PhotoSet; by: string; back: string };

/** what the last photo form did, from the address it redirected to (the page's notice) */
export const photoNotice = (url: URL) =>
	(['photos_added', 'photo_saved', 'photo_moved', 'photo_removed'] as const).find((n) => url.searchParams.has(n)) ?? null;

const problemText = (problem: PhotoProblem, file: string): string =>
	({
		empty: () => m.photo_empty({ file }),
		too_big: () => m.photo_too_big({ file, mb: MAX_PHOTO_BYTES / 1024 / 1024 }),
		not_an_image: () => m.photo_not_an_image({ file }),
		heic_unsupported: () => m.photo_heic_unsupported({ file }),
		damaged: () => m.photo_damaged({ file }),
		too_many_pixels: () => m.photo_too_many_pixels({ file })
	})[problem]();

/**
 * the files posted as `photos`, each stored or named with what is wrong; all or each on its
 * own. Staff's set may name the visit they were taken at (`inspection_id`).
 */
export async function addPhotos(request: Request, target: Target) {
	const posted = await request.formData();
	const files = posted.getAll('photos').filter((f): f is File => f instanceof File && f.name !== '');
	const form = await fileForm('photos');
	if (!storageConfigured()) return refuse(form, m.photo_storage_off());
	const visit = visitSchema.safeParse({ inspection_id: posted.get('inspection_id') ?? '' });
	if (!visit.success || (visit.data.inspection_id && !target.set.byStaff)) return refuseField(form, 'photos', m.photo_visit_gone());
	const inspectionId = visit.data.inspection_id || null;
	if (!files.length) return refuseField(form, 'photos', m.photo_none_chosen());
	const problems: string[] = [];
	let added = 0;
	for (const file of files) {
		const name = file.name.slice(0, 100);
		if (file.size > MAX_PHOTO_BYTES) {
			problems.push(problemText('too_big', name));
			continue;
		}
		try {
			await addPhoto(target.set, target.by, new Uint8Array(await file.arrayBuffer()), { inspectionId });
			added++;
		} catch (error) {
			if (error instanceof PhotoError) problems.push(problemText(error.problem, name));
			else if (error instanceof photos.PhotoVisitError) {
				problems.push(m.photo_visit_gone());
				break;
			} else if (error instanceof photos.PhotoLimitError) {
				problems.push(m.photo_limit({ max: photos.MAX_PHOTOS }));
				break;
			} else throw error;
		}
	}
	if (problems.length) return refuseField(form, 'photos', added ? [m.photo_some_added({ n: added }), ...problems] : problems);
	redirect(303, `${target.back}?photos_added=${added}`);
}

export async function caption(request: Request, target: Target) {
	const form = await validate(captionSchema, request, 'photo');
	if (!form.valid) return invalid(form);
	if (!(await photos.setCaption(target.set, form.data.photo_id, form.data.caption))) return refuse(form, m.photo_gone());
	redirect(303, `${target.back}?photo_saved`);
}

export async function move(request: Request, target: Target, up: boolean) {
	const form = await validate(photoSchema, request, 'photo');
	if (!form.valid) return invalid(form);
	// already first or last: nothing to do, and nothing wrong
	await photos.move(target.set, form.data.photo_id, up);
	redirect(303, `${target.back}?photo_moved#photo-${form.data.photo_id}`);
}

export async function remove(request: Request, target: Target) {
	const form = await validate(photoSchema, request, 'photo');
	if (!form.valid) return invalid(form);
	if (!(await photos.remove(target.set, form.data.photo_id))) return refuse(form, m.photo_gone());
	// the objects go now; what fails here stays queued for the hourly purge
	await purge().catch((error) => log().warn({ err: errorFields(error) }, 'photo objects left for the next purge'));
	redirect(303, `${target.back}?photo_removed`);
}
