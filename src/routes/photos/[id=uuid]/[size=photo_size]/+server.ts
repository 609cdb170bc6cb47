import { error } from '@sveltejs/kit';
import { allows } from '$lib/auth/policy';
import { userOf } from '$lib/server/auth/authorize';
import * as photos from '$lib/server/db/photos';
import { read } from '$lib/server/photo-store';
import type { RequestHandler } from './$types';

// a dwelling's photo, after the same check as the dwelling's page: staff see every one, a
// landlord only their own set of their own dwellings (another's, or the municipality's set,
// is no such photo); never a public URL
export const GET: RequestHandler = async (event) => {
	const person = userOf(event);
	const owner = await photos.ownerOf(event.params.id);
	if (!owner || (!allows(['staff'], person) && (owner.byStaff || owner.landlordId !== person.id))) error(404);
	const bytes = await read(event.params.id, event.params.size);
	if (!bytes) error(404);
	return new Response(Buffer.from(bytes), {
		headers: {
			'content-type': 'image/webp',
			// the browser may keep it a while, nobody between may (it is behind a login)
			'cache-control': 'private, max-age=300'
		}
	});
};
