// Work that runs on a clock in every instance: the "still available?" checks. The SQL
// behind each job locks what it touches, so several instances running it at once do the
// work once.
import { config } from '$lib/server/config';
import { sendDueChecks } from '$lib/server/dwellings/availability';
import { nudge } from '$lib/server/mail';

const HOUR = 3600_000;
let timer: ReturnType<typeof setInterval> | undefined;

async function runAll() {
	try {
		if ((await sendDueChecks(config().ORIGIN)) > 0) nudge();
	} catch (error) {
		console.error(`busett: scheduled job: ${(error as Error).message}`);
	}
}

export function startJobs() {
	if (timer) return;
	setTimeout(runAll, 30_000).unref();
	timer = setInterval(runAll, HOUR);
	timer.unref();
}

export function stopJobs() {
	clearInterval(timer);
	timer = undefined;
}
