import { error } from '@sveltejs/kit';
import { userOf } from '$lib/server/auth/authorize';
import * as tasks from '$lib/server/db/tasks';
import { links } from '$lib/server/mail/links';
import { taskCalendar } from '$lib/server/files/ics';
import type { RequestHandler } from './$types';

// the calendar file of a task the volunteer holds a place on (the hooks have checked the role)
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	const user = userOf(event);
	const task = await tasks.one(params.id);
	if (!task || !task.signups.some((s) => s.volunteer_id === user.id && s.status === 'confirmed')) error(404);
	const ics = taskCalendar({ ...task, url: links().volunteerTask(task.id) });
	return new Response(ics, {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="oppdrag.ics"' }
	});
};
