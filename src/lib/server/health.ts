// What /healthz reports: can the app reach its database (through PostgREST) and its
// SMTP server. Each check has its own short timeout so a dead dependency answers fast.
import { db } from '$lib/server/db/client';
import { mailTransport } from '$lib/server/mail/transport';

export type Health = { db: 'ok' | 'down'; mail: 'ok' | 'down' };

const TIMEOUT_MS = 3000;

async function checkDb(): Promise<Health['db']> {
	try {
		const { error } = await db().from('municipality_settings').select('id', { head: true }).abortSignal(AbortSignal.timeout(TIMEOUT_MS));
		return error ? 'down' : 'ok';
	} catch {
		return 'down';
	}
}

async function checkMail(): Promise<Health['mail']> {
	try {
		const verified = await Promise.race([
			mailTransport().verify(),
			new Promise<false>((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS))
		]);
		return verified ? 'ok' : 'down';
	} catch {
		return 'down';
	}
}

export async function health(): Promise<Health> {
	const [dbStatus, mailStatus] = await Promise.all([checkDb(), checkMail()]);
	return { db: dbStatus, mail: mailStatus };
}
