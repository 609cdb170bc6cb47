// The local SMTP sink: a real SMTP server (smtp-server) that parses every mail it
// receives (mailparser) and keeps it, on disk when given a folder, so a person can read
// the demo's mails at /dev/mail and tests can assert on them through a small JSON API:
//   GET    /messages           every stored mail, newest first (?to=address filters)
//   DELETE /messages           forget them all
// Recipients whose address starts with "reject" get a permanent 550, and those starting
// with "defer" a temporary 451, to test how failures are handled.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type StoredMail = {
	id: string;
	receivedAt: string;
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	/** files sent along (text ones, e.g. calendar files, as text) */
	attachments: { filename: string; contentType: string; content: string }[];
};

export type SmtpSink = {
	smtpUrl: string;
	mailboxUrl: string;
	messages: () => StoredMail[];
	stop: () => Promise<void>;
};

export async function startSmtpSink(opts: { smtpPort: number; httpPort: number; dir?: string }): Promise<SmtpSink> {
	let mails: StoredMail[] = [];
	if (opts.dir) {
		mkdirSync(opts.dir, { recursive: true });
		mails = readdirSync(opts.dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => JSON.parse(readFileSync(join(opts.dir!, f), 'utf8')) as StoredMail);
	}
	let seq = 0;

	const smtp = new SMTPServer({
		authOptional: true,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		// on stop, do not wait for clients' idle pooled connections to go away
		closeTimeout: 500,
		onAuth(auth, _session, callback) {
			callback(null, { user: auth.username });
		},
		onRcptTo(address, _session, callback) {
			if (/^reject/i.test(address.address)) {
				const error = new Error(`mailbox ${address.address} unavailable`) as Error & { responseCode: number };
				error.responseCode = 550;
				return callback(error);
			}
			if (/^defer/i.test(address.address)) {
				const error = new Error(`mailbox ${address.address} busy, try again later`) as Error & { responseCode: number };
				error.responseCode = 451;
				return callback(error);
			}
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const headers: Record<string, string> = {};
					for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.key.length + 1).trim();
					const receivedAt = new Date().toISOString();
					const mail: StoredMail = {
						id: `${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
						receivedAt,
						from: parsed.from?.text ?? '',
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						headers,
						attachments: parsed.attachments.map((a) => ({
							filename: a.filename ?? '',
							contentType: a.contentType,
							content: a.content.toString('utf8')
						}))
					};
					mails.push(mail);
					if (opts.dir) writeFileSync(join(opts.dir, `${mail.id}.json`), JSON.stringify(mail));
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});

	const api = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== '/messages') {
			res.writeHead(404).end();
			return;
		}
		if (req.method === 'DELETE') {
			mails = [];
			res.writeHead(204).end();
			return;
		}
		const to = url.searchParams.get('to')?.toLowerCase();
		const list = mails.filter((m) => !to || m.to.includes(to)).reverse();
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(list));
	});

	await new Promise<void>((resolve, reject) => {
		smtp.once('error', reject);
		smtp.listen(opts.smtpPort, '127.0.0.1', () => resolve());
	});
	await new Promise<void>((resolve, reject) => {
		api.once('error', reject);
		api.listen(opts.httpPort, '127.0.0.1', () => resolve());
	});

	return {
		smtpUrl: `smtp://local:local@127.0.0.1:${opts.smtpPort}`,
		mailboxUrl: `http://127.0.0.1:${opts.httpPort}`,
		messages: () => [...mails].reverse(),
		stop: async () => {
			api.closeAllConnections();
			await Promise.all([
				new Promise<void>((resolve) => smtp.close(() => resolve())),
				new Promise<void>((resolve) => api.close(() => resolve()))
			]);
		}
	};
}
