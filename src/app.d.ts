// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/db/sessions';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** the request's id, in the logs too: staff quote it when they report a problem */
			requestId?: string;
		}
		interface Locals {
			/** this request's id (hooks.server.ts), in its log lines and on its error page */
			requestId: string;
			/** the logged-in person, from the session cookie (hooks.server.ts) */
			user: SessionUser | null;
			sessionId: string | null;
		}
		namespace Superforms {
			/** a form's message ($lib/server/form.ts): a rule's refusal, in the reader's language */
			type Message = string;
		}
	}
}

export {};
