import { csvTemplate } from '$lib/server/files/households-csv';
import type { RequestHandler } from './$types';

// the import template, with one example row (the hooks have checked the policy)
export const GET: RequestHandler = () =>
	new Response(csvTemplate(), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="busett-hushald-mal.csv"'
		}
	});
