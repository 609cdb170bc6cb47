import * as municipality from '$lib/server/db/municipality';
import type { PageServerLoad } from './$types';

// the municipality's contact details, as an admin gave them (one small read)
export const load: PageServerLoad = async () => ({ contact: await municipality.contact() });
