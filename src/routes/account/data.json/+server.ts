import { error } from '@sveltejs/kit';
import * as privacy from '$lib/server/db/privacy';
import type { RequestHandler } from './$types';

// "download my data": everything held about the person asking, as one JSON file (the
// hooks have checked the role; only their own rows go in)
export const GET: RequestHandler = async ({ locals }) => {
	const data = await privacy.exportFor(locals.user!.id);
	if (!data) error(404);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="mine-data.json"',
			'cache-control': 'no-store'
		}
	});
};
