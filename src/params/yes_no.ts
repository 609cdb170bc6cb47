// The two answers of a dwelling's monthly "still available?" mail; any other word is no such page.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'yes' | 'no' => param === 'yes' || param === 'no') satisfies ParamMatcher;
