// The hourly jobs about volunteers: staff hear of a task still short of volunteers 48 hours
// before, and volunteers and staff of a police certificate running out within 30 days —
// each once, however often the jobs run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCertificateExpiry, queueShortStaffed } from '../../src/lib/server/db/reminders';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { mailsTo, mailTo, outboxSettled } from '../helpers/mailbox';
import { HOUR, signUp, task, titleOf, volunteers } from '../helpers/tasks';
import { seedId } from '../helpers/seed';

const STAFF = 'sakshandsamar@fjordvik.kommune.no';

let app: RunningApp;
beforeAll(async () => {
	// the app's worker delivers what the jobs queue to the stack's SMTP sink
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

const queued = async (keyPrefix: string) =>
	(await serviceClient().from('notifications').select('recipient').like('idempotency_key', `${keyPrefix}%`)).data!.map((n) => n.recipient);

describe('the short-of-volunteers job', () => {
	it('mails staff once about a task starting within 48 hours that lacks volunteers', async () => {
		const short = await task({ volunteers_needed: 2 }, 30 * HOUR);
		const full = await task({ volunteers_needed: 1 }, 31 * HOUR);
		const later = await task({ volunteers_needed: 2 }, 60 * HOUR);
		const [a, b] = await volunteers(2);
		await signUp(short, a.id);
		await signUp(full, b.id);
		await queueShortStaffed();
		await queueShortStaffed();
		expect((await queued(`task_short:${short}:`)).filter((r) => r === STAFF)).toHaveLength(1);
		expect(await queued(`task_short:${full}:`)).toHaveLength(0);
		expect(await queued(`task_short:${later}:`)).toHaveLength(0);

		const title = await titleOf(short);
		const mail = await mailTo(STAFF, new RegExp(`^Manglar frivillige: ${title}$`));
		expect(mail.text).toContain('har berre 1 av 2 frivillige');
		expect(mail.text).toContain(`/staff/tasks/${short}`);
		await queueShortStaffed();
		await outboxSettled(STAFF);
		expect((await mailsTo(STAFF)).filter((m) => m.subject.includes(title))).toHaveLength(1);
	});
});

describe('the certificate-expiry job', () => {
	it('mails the volunteer and staff once per certificate expiry date, within 30 days', async () => {
		const [soon] = await volunteers(1, 'Snart Utgått');
		const [later] = await volunteers(1, 'Lenge Gyldig');
		const day = (offset: number) => new Date(Date.now() + offset * 24 * HOUR).toISOString().slice(0, 10);
		const record = (id: string, expires: string) =>
			serviceClient().rpc('record_police_certificate', {
				p_volunteer: id,
				p_staff: seedId('user:staff'),
				p_seen_on: day(-300),
				p_expires_on: expires
			});
		await record(soon.id, day(10));
		await record(later.id, day(40));
		await queueCertificateExpiry();
		await queueCertificateExpiry();
		expect(await queued(`certificate_expiring:${soon.id}:`)).toEqual([soon.email]);
		expect((await queued(`certificate_expiring_staff:${soon.id}:`)).filter((r) => r === STAFF)).toHaveLength(1);
		expect(await queued(`certificate_expiring:${later.id}:`)).toHaveLength(0);
		expect(await queued(`certificate_expiring_staff:${later.id}:`)).toHaveLength(0);

		const mine = await mailTo(soon.email, /^Politiattesten din går ut/);
		expect(mine.text).toContain('/volunteer/profile');
		// the volunteer's name is in the body, not the subject
		const staffMail = await mailTo(STAFF, /^Ein politiattest går snart ut$/, 'Snart Utgått');
		expect(staffMail.text).toContain(`/staff/volunteers/${soon.id}`);
		await queueCertificateExpiry();
		await outboxSettled(soon.email);
		expect((await mailsTo(soon.email)).filter((m) => m.subject.startsWith('Politiattesten din'))).toHaveLength(1);

		// a renewed certificate with a new date is told about again when its time comes
		await record(soon.id, day(20));
		await queueCertificateExpiry();
		expect(await queued(`certificate_expiring:${soon.id}:`)).toHaveLength(2);
	});
});
