import { z } from 'zod';

// a point in decimal degrees (WGS84), as staff type it for a dwelling the address register
// lacks: "60,7812" as well as "60.7812"; mainland Norway's box, so a swapped pair is caught
const degrees = (min: number, max: number, message: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : undefined),
		z.number(message).min(min, message).max(max, message)
	);

export const placeSchema = z.object({
	lat: degrees(57, 72, 'error_latitude'),
	lon: degrees(3, 32, 'error_longitude')
});
