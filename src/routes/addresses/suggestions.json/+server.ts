// Register addresses as a landlord or staff member types one in the offer form (when
// JavaScript runs; without it the form's "did you mean" does the same on submit). The hook
// lets only landlords and staff here (policy.ts): the register is public data, but an open
// endpoint would invite scraping through busett.
import { json } from '@sveltejs/kit';
import { placeName } from '$lib/address';
import * as addresses from '$lib/server/db/addresses';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const street = (url.searchParams.get('street') ?? '').slice(0, 200);
	const postcode = (url.searchParams.get('postcode') ?? '').slice(0, 4);
	const found = street.trim().length < 3 ? [] : (await addresses.like(street, postcode, 8)).addresses;
	return json(
		{ suggestions: found.map((a) => ({ id: a.id, street: a.street, postcode: a.postcode, place: placeName(a.place) })) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
