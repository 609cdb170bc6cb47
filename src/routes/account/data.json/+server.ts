import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { userOf } from '$lib/server/auth/authorize';
import * as privacy from '$lib/server/db/privacy';
import type { RequestHandler } from './$types';

// "download my data": everything held about the person asking, as one JSON file (the
// hooks have checked the role; only their own rows go in). Only with a verified address:
// until then nothing shows the account's holder receives mail there.
export const GET: RequestHandler = async (event) => {
	const user = userOf(event);
	if (!user.emailVerified)
		return new Response(m.privacy_download_unverified(), {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	const data = await privacy.exportFor(user.id);
	if (!data) error(404);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="mine-data.json"',
			'cache-control': 'no-store'
		}
	});
};
