// One factor for every time budget of the tests (Vitest's and Playwright's timeouts, the
// waits for mail), so a suite on a busy machine waits longer instead of failing on its own
// clock. TEST_TIME_SCALE sets it; else it follows the load: the 1-minute load average per
// core, between 1 and 4. scripts/test.ts works it out once and hands it to every process.
import { cpus, loadavg } from 'node:os';

export function timeScale(env: NodeJS.ProcessEnv = process.env, load = loadavg()[0], cores = cpus().length): number {
	const set = Number(env.TEST_TIME_SCALE);
	if (env.TEST_TIME_SCALE && Number.isFinite(set) && set > 0) return set;
	return Math.min(4, Math.max(1, load / Math.max(1, cores)));
}

export const TIME_SCALE = timeScale();

/** a time budget in milliseconds, stretched by the machine's load */
export const scaled = (ms: number) => Math.round(ms * TIME_SCALE);
