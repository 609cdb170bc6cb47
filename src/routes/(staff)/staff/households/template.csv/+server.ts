import { csvResponse } from '$lib/server/files/csv';
import { csvTemplate } from '$lib/server/files/households-csv';
import type { RequestHandler } from './$types';

// the import template, with one example row in the reader's language (the hooks have checked the policy)
export const GET: RequestHandler = () => csvResponse('busett-hushald-mal.csv', csvTemplate());
