// The address register writes a postal place in capitals ("KNARVIK", "NORDRE LID"); an
// address on a page or in a mail writes "Knarvik", "Nordre Lid".
export const placeName = (place: string) =>
	place.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
