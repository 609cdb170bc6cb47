import { error } from '@sveltejs/kit';
import * as calendarFeeds from '$lib/server/db/calendar-feeds';
import { links } from '$lib/server/mail/links';
import { feedCalendar } from '$lib/server/files/ics';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// a volunteer's calendar feed: no login (calendar apps cannot log in), the secret address is
// the key. an unknown or replaced address is simply not found.
export const GET: RequestHandler = async ({ params }) => {
	const owner = await calendarFeeds.ownerOf(params.token);
	if (!owner) error(404);
	const tasks = await calendarFeeds.tasksOf(owner);
	const ics = feedCalendar(
		tasks.map((t) => ({ ...t, url: links().volunteerTask(t.id) })),
		m.tchg_feed_name()
	);
	return new Response(ics, {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' }
	});
};
