// Read-mostly data kept in this app instance for a few seconds, so that a page read by many
// people (the year's figures, the open tasks) or reloaded often costs one database read per
// period, not one per request. The rules:
// - each use names its period (its staleness), and docs/architecture.md lists them;
// - every write handled by this instance (any request other than GET or HEAD) forgets
//   everything kept, so whoever changes something sees it at once on the instance that saved
//   it; on other instances it shows within the period;
// - a read that was under way when something was forgotten is not kept;
// - concurrent misses share one read.
// Never used for who is logged in: the session is checked on every request (auth/session.ts).
import { config } from './config';

// KEEP_READS=off (the tests: they write behind the app's back) reads every time
const keeping = () => {
	try {
		return config().KEEP_READS === 'on';
	} catch {
		return true; // no configuration (unit tests): keep
	}
};

type Entry = { value: Promise<unknown>; until: number };

const entries = new Map<string, Entry>();
let generation = 0;

/** `read()`'s answer, kept under `key` for `ms` milliseconds */
export function kept<T>(key: string, ms: number, read: () => Promise<T>): Promise<T> {
	if (!keeping()) return read();
	const now = Date.now();
	const hit = entries.get(key);
	if (hit && hit.until > now) return hit.value as Promise<T>;
	const started = generation;
	const value = read();
	entries.set(key, { value, until: now + ms });
	value.then(
		() => {
			// forgotten meanwhile: the answer may be from before the write
			if (generation !== started && entries.get(key)?.value === value) entries.delete(key);
		},
		() => {
			if (entries.get(key)?.value === value) entries.delete(key);
		}
	);
	return value;
}

/** forget everything kept: after any write through this instance */
export function forgetKept() {
	generation++;
	entries.clear();
}
