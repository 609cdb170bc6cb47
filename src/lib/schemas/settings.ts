import { z } from 'zod';

export const CAP_SIZES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

const int = (min: number, max: number) =>
	z.preprocess(
		(v) => (v === '' || v === undefined ? undefined : Number(String(v).replace(/\s/g, ''))),
		z.number('error_number').int('error_number').min(min, `error_number_range:${min}:${max}`).max(max, `error_number_range:${min}:${max}`)
	);

// the yearly target, and the highest monthly rent per household size (blank: no cap)
export const settingsSchema = z.object({
	year: int(2000, 2100),
	target: int(0, 100000),
	...Object.fromEntries(CAP_SIZES.map((n) => [`cap_${n}`, int(0, 100000).optional()]))
});

export const WEIGHT_PARTS = ['school', 'rent', 'bus', 'bedrooms', 'locality', 'language'] as const;

// matching: the crowded margin (persons beyond beds and max occupants) and the weights
export const matchingSettingsSchema = z.object({
	crowded_margin: int(0, 3),
	...Object.fromEntries(WEIGHT_PARTS.map((p) => [`weight_${p}`, int(0, 100)]))
});
