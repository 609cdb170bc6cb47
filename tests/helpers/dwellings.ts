// Dwellings made by a test for itself, through the service role.

/** the fields a dwelling needs to be anything but a draft (dwellings_complete_unless_draft) */
export const COMPLETE_OFFER = {
	street: 'Testvegen 1',
	postcode: '5914',
	place: 'Straumvik',
	locality: 'Straumvik',
	bedrooms: 2,
	beds: 3,
	max_occupants: 3,
	rent_nok: 9000,
	available_from: '2027-01-01',
	fire_safety_confirmed: true
};
