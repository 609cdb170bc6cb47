// The e-mail outbox. Mail is only ever queued here (or by an event's own SQL function in
// the same transaction) and sent by the worker; no request handler talks to SMTP.
import { z } from 'zod';
import type { Locale } from '$lib/paraglide/runtime';
import { Constants, type Database } from '$lib/database.types';
import { templates, type PayloadOf, type TemplateKey } from '$lib/server/mail/templates';
import { rangeOf, type ListState } from '$lib/schemas/list';
import { db } from './client';
import { shape } from './shape';

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

const outboxShape = z.object({
	total: z.number(),
	rows: z.array(
		z.object({
			id: z.string(),
			recipient: z.string(),
			template: z.string(),
			status: z.enum(Constants.public.Enums.notification_status),
			attempts: z.number(),
			last_error: z.string().nullable(),
			created_at: z.string(),
			sent_at: z.string().nullable()
		})
	)
});

/**
 * one page of the outbox: the mails of one status (and template), newest first, with the
 * total; a page past the last has no rows and keeps the total (public.outbox_page reads a
 * deep page's ids from the status's index alone)
 */
export async function list(filters: ListState<'created_at'> & { status: NotificationStatus; template?: string }) {
	const { data, error } = await db().rpc('outbox_page', {
		p_status: filters.status,
		p_template: filters.template ?? undefined,
		p_oldest_first: filters.dir === 'asc',
		p_offset: rangeOf(filters).from,
		p_limit: filters.size
	});
	if (error) throw new Error(`listing mail: ${error.message}`);
	return shape('outbox_page', outboxShape, data);
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
