import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

// POST only (a link could be followed by anything); the hooks have checked the policy
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.sessionId) await invalidateSession(locals.sessionId);
	deleteSessionCookie(cookies, url);
	redirect(303, '/login?loggedout');
};
