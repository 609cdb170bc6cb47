// Work that runs on a clock in every instance: the "still available?" checks, the
// reminders 24 hours before a task, staff's warning of tasks short of volunteers 48 hours
// before, notices of police certificates running out within 30 days, the morning digest of
// "needs action" for the staff who chose it, anonymising households past retention, and
// removing from the bucket the photos whose rows are gone. The SQL behind each job locks what
// it touches, so several instances running it at once do the work once.
import { sendDueChecks } from '$lib/server/db/availability';
import * as reminders from '$lib/server/db/reminders';
import * as retention from '$lib/server/db/retention';
import { errorFields, log } from '$lib/server/log';
import { nudge } from '$lib/server/mail';
import { purge } from '$lib/server/photo-store';
import { storageConfigured } from '$lib/server/storage';

const HOUR = 3600_000;
let timer: ReturnType<typeof setInterval> | undefined;

async function runAll() {
	try {
		const checks = await sendDueChecks();
		const reminded = await reminders.queue();
		const short = await reminders.queueShortStaffed();
		const expiring = await reminders.queueCertificateExpiry();
		const digests = await reminders.queueDigests();
		if (checks + reminded + short + expiring + digests > 0) nudge();
	} catch (error) {
		log().error({ job: 'scheduled', err: errorFields(error) }, 'scheduled job failed');
	}
	// apart from the mail jobs, so a mail problem never keeps personal data past its time
	try {
		await retention.run();
	} catch (error) {
		log().error({ job: 'retention', err: errorFields(error) }, 'retention job failed');
	}
	// the photos whose rows are gone (a dwelling deleted, an account erased) leave the bucket
	try {
		if (storageConfigured()) await purge();
	} catch (error) {
		log().error({ job: 'photo_purge', err: errorFields(error) }, 'photo purge failed');
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
