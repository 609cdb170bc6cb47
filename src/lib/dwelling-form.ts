// A stored dwelling as the offer form's values (the strings a form holds).
const FIELDS = [
	'street',
	'postcode',
	'place',
	'locality',
	'bedrooms',
	'beds',
	'max_occupants',
	'size_m2',
	'rent_nok',
	'deposit_nok',
	'rent_includes_electricity',
	'rent_includes_internet',
	'furnished',
	'step_free',
	'pets_allowed',
	'smoking_allowed',
	'available_from',
	'available_until',
	'min_lease_months',
	'bus_stop_distance_m',
	'bus_departures_per_weekday',
	'description',
	'fire_safety_confirmed'
] as const;

export function toFormValues(row: Record<string, unknown>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of FIELDS) {
		const value = row[field];
		if (value === null || value === undefined || value === false) continue;
		values[field] = value === true ? 'on' : String(value);
	}
	return values;
}
