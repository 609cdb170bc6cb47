import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The app's error page for a page the hook refuses: SvelteKit renders +error.svelte only
// when a load fails, never when a hook does (it falls back to a bare static page), so the
// hook asks for this page instead (authorize.ts). It has no +page.svelte: it never shows one.
export const load: PageServerLoad = () => error(403);
