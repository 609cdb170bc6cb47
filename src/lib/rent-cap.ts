// The rent cap: the most the municipality pays per household size. An offer is flagged
// when its rent is above the cap for every household size it could house (1 up to its
// maximum occupants); it is never rejected for it automatically.
export type RentCaps = Map<number, number>;

export function overRentCap(rent: number | null, maxOccupants: number | null, caps: RentCaps): boolean {
	if (rent === null || maxOccupants === null || caps.size === 0) return false;
	let highestCap = -Infinity;
	for (let persons = 1; persons <= maxOccupants; persons++) {
		const cap = caps.get(persons) ?? caps.get(Math.max(...caps.keys()));
		if (cap !== undefined) highestCap = Math.max(highestCap, cap);
	}
	return rent > highestCap;
}
