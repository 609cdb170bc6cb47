import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { unsubscribeToken } from '../../src/lib/server/mail/unsubscribe';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { scaled } from '../helpers/time';

const address = () => `e2e-${randomUUID().slice(0, 8)}@example.no`;

test.describe('mail', () => {
	test('shows at /dev/mail what the app sent, as the recipient will read it', async ({ page }) => {
		const to = address();
		const { error } = await serviceClient().rpc('enqueue_notification', {
			p_recipient: to,
			p_template: 'verify_email',
			p_locale: 'nn',
			p_payload: { name: 'Kari', token: 'abcdefghijkmnpqrstuvwxyz.23456789abcdefghijkmnpqr' },
			p_idempotency_key: `e2e:${to}`
		});
		expect(error).toBeNull();
		// the app's own worker sends it; the page lists what the SMTP sink received
		await expect(async () => {
			await page.goto('/dev/mail');
			await expect(page.getByText(to)).toBeVisible({ timeout: 500 });
		}).toPass({ timeout: scaled(30_000) });
		const article = page.locator('article', { hasText: to });
		await expect(article.getByRole('heading', { name: 'Stadfest e-postadressa di' })).toBeVisible();
		await expect(article.frameLocator('iframe').getByText('Hei Kari,')).toBeVisible();
	});

	test('unsubscribes from a category with one click on the link, without logging in', async ({ page }) => {
		const email = address();
		const token = unsubscribeToken({ email, category: 'reminders' }, stackEnv().appSecret);
		await page.goto(`/unsubscribe/${token}`);
		await expect(page.getByText(`Du melder ${email} av e-postar av typen «påminningar om oppdrag».`)).toBeVisible();
		// opening the link changes nothing (mail scanners open links); the button does
		const optOuts = async () => (await serviceClient().from('mail_opt_outs').select('category').eq('email', email)).data;
		expect(await optOuts()).toEqual([]);
		await page.getByRole('button', { name: 'Meld meg av' }).click();
		await expect(page.getByRole('status')).toHaveText('Du er meld av. Du får ikkje fleire e-postar av typen «påminningar om oppdrag».');
		expect(await optOuts()).toEqual([{ category: 'reminders' }]);
	});

	test('subscribes again from the same link, after unsubscribing', async ({ page }) => {
		const email = address();
		const token = unsubscribeToken({ email, category: 'task_invitations' }, stackEnv().appSecret);
		await page.goto(`/unsubscribe/${token}`);
		await page.getByRole('button', { name: 'Meld meg av' }).click();
		await expect(page.getByRole('status')).toContainText('«invitasjonar til oppdrag»');
		// the link opened again says so, and offers the way back
		await page.goto(`/unsubscribe/${token}`);
		await expect(page.getByText(`${email} er alt meld av e-postar av typen «invitasjonar til oppdrag».`)).toBeVisible();
		await page.getByRole('button', { name: 'Meld meg på att' }).click();
		await expect(page.getByRole('status')).toHaveText('Du er påmeld att og får e-postar av typen «invitasjonar til oppdrag».');
		const { data } = await serviceClient().from('mail_opt_outs').select('category').eq('email', email);
		expect(data).toEqual([]);
		await expect(page.getByRole('button', { name: 'Meld meg av' })).toBeVisible();
	});

	test('refuses a forged unsubscribe link and records nothing', async ({ page }) => {
		const email = address();
		const forged = unsubscribeToken({ email, category: 'reminders' }, 'not-the-secret-of-this-app-at-all-x');
		await page.goto(`/unsubscribe/${forged}`);
		await expect(page.getByRole('alert')).toContainText('Lenkja er ikkje gyldig');
		await expect(page.getByRole('button', { name: 'Meld meg av' })).toHaveCount(0);
		const { data } = await serviceClient().from('mail_opt_outs').select('category').eq('email', email);
		expect(data).toEqual([]);
	});
});
