// The two answers of a task invitation; any other word is no such page.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'accept' | 'decline' => param === 'accept' || param === 'decline') satisfies ParamMatcher;
