import { getLocale } from '$lib/paraglide/runtime';
import { pageFor } from '$lib/server/page-texts';
import type { PageServerLoad } from './$types';

// public: what the municipality offers landlords, as an admin wrote it
export const load: PageServerLoad = () => pageFor('landlords', getLocale());
