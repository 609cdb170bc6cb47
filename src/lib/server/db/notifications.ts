// The e-mail outbox. Mail is only ever queued here (or by an event's own SQL function in
// the same transaction) and sent by the worker; no request handler talks to SMTP.
import { z } from 'zod';
import type { Locale } from '$lib/paraglide/runtime';
import type { Database } from '$lib/database.types';
import { templates, type PayloadOf, type TemplateKey } from '$lib/server/mail/templates';
import type { ListState } from '$lib/schemas/list';
import { db } from './client';
import { pageOf } from './paging';

export type Notification = Database['public']['Tables']['notifications']['Row'];
export type NotificationStatus = Database['public']['Enums']['notification_status'];

export class EnqueueError extends Error {}

const recipientSchema = z.email();

/**
 * Queue one mail. The idempotency key names the event (e.g. `verify:<user>:<token id>`):
 * queuing the same key again does nothing. Returns the row's id, or null when nothing
 * was queued (a repeat, or the address opted out of the template's category).
 */
export async function enqueue<K extends TemplateKey>(mail: {
	to: string;
	template: K;
	locale: Locale;
	payload: PayloadOf<K>;
	key: string;
}): Promise<string | null> {
	if (!recipientSchema.safeParse(mail.to).success) throw new EnqueueError(`not an e-mail address: ${mail.to}`);
	const template = templates[mail.template];
	const payload = template.schema.safeParse(mail.payload);
	if (!payload.success) throw new EnqueueError(`payload of ${mail.template}: ${payload.error.issues[0].message}`);
	const { data, error } = await db().rpc('enqueue_notification', {
		p_recipient: mail.to,
		p_template: mail.template,
		p_locale: mail.locale,
		p_payload: payload.data as never,
		p_idempotency_key: mail.key,
		p_category: template.category ?? undefined
	});
	if (error) throw new EnqueueError(`queuing ${mail.template}: ${error.message}`);
	return data;
}

export async function claim(worker: string, limit: number, leaseSeconds: number): Promise<Notification[]> {
	const { data, error } = await db().rpc('claim_notifications', {
		p_worker: worker,
		p_limit: limit,
		p_lease_seconds: leaseSeconds
	});
	if (error) throw new Error(`claiming mail: ${error.message}`);
	return data;
}

export async function complete(worker: string, ids: string[]): Promise<void> {
	if (!ids.length) return;
	const { error } = await db().rpc('complete_notifications', { p_worker: worker, p_ids: ids });
	if (error) throw new Error(`marking mail sent: ${error.message}`);
}

/** a failed send: retry at the given time, or give up (null) */
export async function fail(worker: string, id: string, reason: string, retryAt: Date | null): Promise<void> {
	const { error } = await db().rpc('fail_notification', {
		p_worker: worker,
		p_id: id,
		p_error: reason,
		p_retry_at: retryAt?.toISOString() ?? undefined
	});
	if (error) throw new Error(`recording a failed mail: ${error.message}`);
}

/** give claimed mail back untried (SMTP down, or the worker stopping); all of the worker's if no ids */
export async function release(worker: string, ids?: string[]): Promise<number> {
	const { data, error } = await db().rpc('release_notifications', { p_worker: worker, p_ids: ids });
	if (error) throw new Error(`releasing mail: ${error.message}`);
	return data;
}

/** staff's "retry now" */
export async function retry(id: string): Promise<boolean> {
	const { data, error } = await db().rpc('retry_notification', { p_id: id });
	if (error) throw new Error(`retrying mail: ${error.message}`);
	return data;
}

export async function counts(): Promise<Record<NotificationStatus, number>> {
	const { data, error } = await db().rpc('notification_counts');
	if (error) throw new Error(`counting mail: ${error.message}`);
	return Object.fromEntries(data.map((row) => [row.status, Number(row.count)])) as Record<NotificationStatus, number>;
}

/** one page of the outbox: the mails of one status (and template), newest first, with the total */
export async function list(filters: ListState<'created_at'> & { status: NotificationStatus; template?: string }) {
	const read = (from: number, to: number) => {
		let query = db()
			.from('notifications')
			.select('id, recipient, template, status, attempts, last_error, created_at, sent_at', { count: 'exact' })
			.eq('status', filters.status);
		if (filters.template) query = query.eq('template', filters.template);
		return query
			.order('created_at', { ascending: filters.dir === 'asc' })
			.order('id', { ascending: filters.dir === 'asc' })
			.range(from, to);
	};
	return pageOf(filters, read, 'listing mail');
}

/** the mails given up on, newest first, with their errors */
export async function failed(limit = 50): Promise<Notification[]> {
	const { data, error } = await db()
		.from('notifications')
		.select('*')
		.eq('status', 'failed')
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) throw new Error(`listing failed mail: ${error.message}`);
	return data;
}
