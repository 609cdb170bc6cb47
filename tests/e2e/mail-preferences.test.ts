// The account page's mail choices without JavaScript: a plain form of checkboxes, one per
// kind of mail that is not essential, showing what is stored and saving what is ticked.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { DEMO_HASH } from '../helpers/tasks';

test.describe('mail preferences', () => {
	test('a volunteer turns reminders off and on again on the account page, without JavaScript', async ({ browser }) => {
		const email = `prefs-${randomUUID().slice(0, 8)}@example.no`;
		const db = serviceClient();
		const { data: user, error } = await db
			.from('users')
			.insert({ email, display_name: 'Vera Val', password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
			.select('id')
			.single();
		expect(error).toBeNull();
		await db.from('user_roles').insert({ user_id: user!.id, role: 'volunteer' });
		// unsubscribed from invitations with a mail's link before: the page shows it unticked
		await db.from('mail_opt_outs').insert({ email, category: 'task_invitations' });

		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('E-postadresse').fill(email);
		await page.getByLabel('Passord').fill('busett-demo-2026');
		await page.getByRole('button', { name: 'Logg inn' }).click();
		await page.goto('/account');

		const choices = page.getByRole('group', { name: 'E-postar eg vil ha' });
		const reminders = choices.getByRole('checkbox', { name: 'Påminningar om oppdrag' });
		const invitations = choices.getByRole('checkbox', { name: 'Invitasjonar til oppdrag' });
		await expect(reminders).toBeChecked();
		await expect(invitations).not.toBeChecked();
		await expect(choices.getByRole('checkbox', { name: 'Nyheitsbrev frå kommunen' })).toBeChecked();
		// a volunteer offers no home: no "still available?" choice
		await expect(choices.getByRole('checkbox')).toHaveCount(3);

		await reminders.uncheck();
		await invitations.check();
		await page.getByRole('button', { name: 'Lagre e-postvala' }).click();
		await expect(page.getByRole('status')).toHaveText('E-postvala dine er lagra.');
		const stored = async () => (await db.from('mail_opt_outs').select('category').eq('email', email)).data?.map((r) => r.category).sort();
		expect(await stored()).toEqual(['reminders']);
		await page.goto('/account');
		await expect(reminders).not.toBeChecked();
		await expect(invitations).toBeChecked();

		await reminders.check();
		await page.getByRole('button', { name: 'Lagre e-postvala' }).click();
		await expect(page.getByRole('status')).toHaveText('E-postvala dine er lagra.');
		expect(await stored()).toEqual([]);
		await context.close();
	});
});
