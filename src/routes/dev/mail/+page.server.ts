import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { config } from '$lib/server/config';
import type { PageServerLoad } from './$types';

type StoredMail = { id: string; receivedAt: string; to: string[]; subject: string; html: string; text: string };

// Only for development and demos: every mail the local SMTP sink received. Absent from
// production builds unless DEV_MAILBOX=1, and without a local sink (MAILBOX_URL).
export const load: PageServerLoad = async (event) => {
	const { MAILBOX_URL, DEV_MAILBOX } = config();
	if (!(dev || DEV_MAILBOX === '1') || !MAILBOX_URL) error(404);
	const res = await event.fetch(`${MAILBOX_URL}/messages`).catch(() => null);
	if (!res?.ok) error(503);
	const mails = ((await res.json()) as StoredMail[]).slice(0, 100);
	return { mails };
};
