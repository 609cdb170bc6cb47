// A photo is served at two sizes: the web size and the thumbnail (src/lib/server/photo-store.ts)
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'web' | 'thumb' => param === 'web' || param === 'thumb') satisfies ParamMatcher;
