// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/db/sessions';

declare global {
	namespace App {
		interface Locals {
			/** the logged-in person, from the session cookie (hooks.server.ts) */
			user: SessionUser | null;
			sessionId: string | null;
		}
	}
}

export {};
