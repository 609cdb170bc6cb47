import { getLocale } from '$lib/paraglide/runtime';
import { pageFor } from '$lib/server/page-texts';
import type { PageServerLoad } from './$types';

// public: volunteering and the police certificate, as an admin wrote it
export const load: PageServerLoad = () => pageFor('volunteers', getLocale());
