// The SMTP transport, from SMTP_URL; created on first use like the database client.
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '$lib/server/config';

let transport: Transporter | undefined;

export function mailTransport(): Transporter {
	transport ??= nodemailer.createTransport({
		url: config().SMTP_URL,
		connectionTimeout: 5000,
		greetingTimeout: 5000,
		socketTimeout: 15000
	});
	return transport;
}
