import { z } from 'zod';
import { CAP_SIZES, WEIGHT_PARTS } from './choices';
import { optionalWholeNumber, wholeNumber } from './fields';

export { CAP_SIZES, WEIGHT_PARTS };

// the yearly target, and the highest monthly rent per household size (blank: no cap)
export const settingsSchema = z.object({
	year: wholeNumber(2000, 2100),
	target: wholeNumber(0, 100000),
	...Object.fromEntries(CAP_SIZES.map((n) => [`cap_${n}`, optionalWholeNumber(0, 100000)]))
});

// matching: the crowded margin (persons beyond beds and max occupants) and the weights
export const matchingSettingsSchema = z.object({
	crowded_margin: wholeNumber(0, 3),
	// days a proposal may wait for the landlord before it shows in "needs action"
	proposal_wait_days: wholeNumber(1, 60),
	...Object.fromEntries(WEIGHT_PARTS.map((p) => [`weight_${p}`, wholeNumber(0, 100)]))
});
