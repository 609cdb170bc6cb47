import { z } from 'zod';
import { optionalWholeNumber, wholeNumber } from './fields';

export const CAP_SIZES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

// the yearly target, and the highest monthly rent per household size (blank: no cap)
export const settingsSchema = z.object({
	year: wholeNumber(2000, 2100),
	target: wholeNumber(0, 100000),
	...Object.fromEntries(CAP_SIZES.map((n) => [`cap_${n}`, optionalWholeNumber(0, 100000)]))
});

export const WEIGHT_PARTS = ['school', 'rent', 'bus', 'bedrooms', 'locality', 'language'] as const;

// matching: the crowded margin (persons beyond beds and max occupants) and the weights
export const matchingSettingsSchema = z.object({
	crowded_margin: wholeNumber(0, 3),
	...Object.fromEntries(WEIGHT_PARTS.map((p) => [`weight_${p}`, wholeNumber(0, 100)]))
});
