// The SMTP transport, from SMTP_URL; created on first use like the database client.
// Pooled: the worker sends several mails at once over a few kept-open connections.
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '$lib/server/config';

let transport: Transporter | undefined;

export function createTransport(url: string): Transporter {
	return nodemailer.createTransport({
		url,
		pool: true,
		maxConnections: 5,
		maxMessages: 200,
		connectionTimeout: 5000,
		greetingTimeout: 5000,
		socketTimeout: 15000
	});
}

export function mailTransport(): Transporter {
	transport ??= createTransport(config().SMTP_URL);
	return transport;
}
