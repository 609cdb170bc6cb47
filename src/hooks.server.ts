import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { m } from '$lib/paraglide/messages';
import { cookieName, getLocale } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { handleAccess } from '$lib/server/auth/authorize';
import { deleteSessionCookie, readSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { config, ConfigError } from '$lib/server/config';
import { asActor } from '$lib/server/db/client';
import { startJobs, stopJobs } from '$lib/server/jobs';
import { forgetKept } from '$lib/server/kept';
import { errorFields, log } from '$lib/server/log';
import { startMailWorker, stopMailWorker } from '$lib/server/mail';
import { setLocaleCookie, useSavedLocale } from '$lib/server/locale';
import { mailTransport } from '$lib/server/mail/transport';
import { watch } from '$lib/server/outage';

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
	if (config().MAIL_WORKER === 'on') {
		startMailWorker();
		startJobs();
	}
	// On SIGTERM/SIGINT adapter-node stops accepting connections and lets the requests in
	// flight finish; meanwhile the mail worker stops claiming and hands back what it holds
	// (a delivery that hangs is cut off, worker.ts). Once the last request is done adapter-
	// node emits sveltekit:shutdown: close the SMTP connections, so the process exits.
	// Whatever still hangs does not keep it past SHUTDOWN_DEADLINE_MS.
	if (!dev) {
		process.once('SIGTERM', beginShutdown);
		process.once('SIGINT', beginShutdown);
	}
	process.once('sveltekit:shutdown' as 'beforeExit', async () => {
		stopJobs();
		await (stoppingWorker ?? stopMailWorker());
		mailTransport().close();
		log().info('stopped');
	});
};

let shuttingDown = false;
let stoppingWorker: Promise<void> | undefined;

function beginShutdown() {
	if (shuttingDown) return;
	shuttingDown = true;
	log().info('shutting down');
	setTimeout(() => {
		log().error('shutdown took too long; exiting anyway');
		process.exit(1);
	}, SHUTDOWN_DEADLINE_MS).unref();
	stopJobs();
	stoppingWorker = stopMailWorker();
}

// an orchestrator (Kubernetes: 30 s, systemd: 90 s) kills later; this keeps under 10 s
const SHUTDOWN_DEADLINE_MS = 9000;

// a request id from the load balancer is kept if it looks like one, else one is made
const REQUEST_ID = /^[\w.-]{8,128}$/;

// One JSON line per request: method, route pattern (never the URL: links carry tokens),
// status and duration, with the id that error pages show so staff can quote it.
const handleLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const given = event.request.headers.get('x-request-id');
	const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
	event.locals.requestId = requestId;
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		response.headers.set('x-request-id', requestId);
		// no keep-alive while shutting down: the connection closes with this answer, so the
		// server is done as soon as the requests in flight are
		if (shuttingDown) response.headers.set('connection', 'close');
		return response;
	} finally {
		log().info(
			{
				requestId,
				method: event.request.method,
				route: event.route.id,
				status,
				ms: Math.round((performance.now() - started) * 10) / 10
			},
			'request'
		);
	}
};

// An unexpected error: logged with the request id, which the error page shows. The
// message to the browser stays SvelteKit's generic one; details stay in the log.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	if (status >= 500) log().error({ requestId, route: event.route.id, status, err: errorFields(error) }, 'unexpected error');
	return { message, requestId };
};

// who is asking: the session cookie, checked against its hash in the database
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = readSessionCookie(event.cookies, event.url);
	if (token) {
		const session = await validateSessionToken(token);
		if (session) {
			event.locals.user = session.user;
			event.locals.sessionId = session.sessionId;
			if (session.renewedUntil) setSessionCookie(event.cookies, event.url, token, session.renewedUntil);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	// whatever this request writes is logged as done by this person (see db/client.ts)
	return asActor(event.locals.user?.id ?? null, () => resolve(event));
};

// the page's language: the logged-in person's setting, else their choice in the switcher
// (cookie), else the browser's, else Nynorsk (see locale.ts)
const handleLocale: Handle = ({ event, resolve }) => {
	const saved = event.locals.user?.locale;
	if (saved) {
		useSavedLocale(event.request, saved);
		// the browser's runtime reads the cookie: keep it in step so the page hydrates in the
		// same language, and so the language stays after logging out
		if (event.cookies.get(cookieName) !== saved) setLocaleCookie(event.cookies, saved);
	}
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

// the database side down: a friendly 503 page instead of a 500 (see outage.ts)
const handleOutage: Handle = ({ event, resolve }) => watch(event.request, async () => resolve(event));

// Powerful browser features the app never uses, denied to it and to anything framed in it:
// a script that got in somehow still cannot reach the camera, the location or payments.
// (Passkeys, publickey-credentials-*, stay allowed to the site itself: strong sign-in needs them.)
const PERMISSIONS_POLICY = [
	'accelerometer',
	'autoplay',
	'bluetooth',
	'camera',
	'display-capture',
	'encrypted-media',
	'fullscreen',
	'geolocation',
	'gyroscope',
	'hid',
	'idle-detection',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'picture-in-picture',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
]
	.map((feature) => `${feature}=()`)
	.join(', ');

// How much a request may carry. adapter-node's BODY_SIZE_LIMIT is raised for the photos (a
// photo is up to 15 MB, several in one post: README); every other form is small, so a body
// over 512 kB anywhere but a photo upload is refused before any action reads it.
const SMALL_BODY = 512 * 1024;
// the pages with a photo upload: the landlord's offer, and staff's dwelling page
const PHOTO_UPLOAD_ROUTES = new Set(['/(landlord)/landlord/dwellings/[id=uuid]', '/(staff)/staff/dwellings/[id=uuid]']);
const handleBodySize: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const photoUpload =
		event.request.method === 'POST' && PHOTO_UPLOAD_ROUTES.has(event.route.id ?? '') && event.url.searchParams.has('/photo_add');
	// a page, in the person's language (this runs after the locale), with the way back; a
	// Response rather than error(), whose fatal page would pass by handleHeaders' headers
	if (length > SMALL_BODY && !photoUpload)
		return new Response(
			`<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><title>${m.error_body_too_big()}</title></head>` +
				`<body><main><h1>${m.error_body_too_big()}</h1><p><a href="/">${m.back_to_front_page()}</a></p></main></body></html>`,
			{ status: 413, headers: { 'content-type': 'text/html; charset=utf-8' } }
		);
	return resolve(event);
};

// The headers kit.csp does not set, on every answer the app's code makes (pages, their data,
// endpoints, redirects, errors). The built files under /_app/immutable and static/ never get
// here: adapter-node serves them first, with their long caching.
const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	// links in mails carry secrets in their path: never pass a URL on to another site
	response.headers.set('referrer-policy', 'same-origin');
	if (!response.headers.has('x-frame-options')) response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', PERMISSIONS_POLICY);
	// Nothing the app answers is kept by a browser's disk cache or a proxy: pages show a
	// person's name, households, addresses or a link's secret in the address, and the few
	// public pages for the anonymous are cheap to make again. One rule for every answer, so
	// a new page cannot be left out.
	response.headers.set('cache-control', 'private, no-store');
	// Over https (ORIGIN, from which adapter-node builds event.url, as the session cookie's
	// `secure` is decided): browsers only ever come back over https, for a year, subdomains
	// too. Not over plain http (the demo, the tests), where browsers ignore it anyway.
	if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

// Whatever a write through this instance changed shows at once here: every request that may
// write (any but GET and HEAD) forgets the read-mostly data kept (kept.ts), when it is done.
const handleKept: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'GET' || event.request.method === 'HEAD') return resolve(event);
	try {
		return await resolve(event);
	} finally {
		forgetKept();
	}
};

// the language is known before anything answers, so a refusal is in the reader's language too;
// handleAccess (authorize.ts) decides every request from $lib/auth/policy.ts, refuses what it
// does not name, and is the only check: loads, actions and endpoints run only when it allowed them
export const handle: Handle = sequence(
	handleLog,
	handleHeaders,
	handleOutage,
	handleKept,
	handleSession,
	handleLocale,
	handleBodySize,
	handleAccess
);
