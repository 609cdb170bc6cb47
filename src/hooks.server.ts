import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { config, ConfigError } from '$lib/server/config';
import { startMailWorker } from '$lib/server/mail';

// Validate the configuration before the first request: a bad variable stops the
// server with one line naming it, not a stack trace on some later page.
export const init: ServerInit = () => {
	try {
		config();
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(`busett: configuration error: ${error.message}`);
		process.exit(1);
	}
	// one mail worker loop per instance; the outbox makes any number of them safe
	if (config().MAIL_WORKER === 'on') startMailWorker();
};

// the page's language: the person's choice (cookie), else the browser's, else Nynorsk
const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle: Handle = sequence(handleLocale);
