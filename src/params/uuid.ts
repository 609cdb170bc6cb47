// The ids in the app's addresses are Postgres uuids. Anything else is no such page: a 404
// before any load runs, instead of the database refusing the cast (a 500). Every hex form
// Postgres prints (the seed's ids are md5 hashes, not RFC 4122 version 4) matches.
import type { ParamMatcher } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const match = ((param: string): param is string => UUID.test(param)) satisfies ParamMatcher;
