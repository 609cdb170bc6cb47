import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { stackEnv } from '../helpers/env';
import { scaled } from '../helpers/time';

async function verifyLink(email: string): Promise<string> {
	let link = '';
	await expect(async () => {
		const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(email)}`);
		const [mail] = (await res.json()) as { text: string }[];
		link = mail?.text.match(/https?:\/\/\S+(\/verify\/[a-z0-9.]+)/)?.[1] ?? '';
		expect(link).not.toBe('');
	}).toPass({ timeout: scaled(30_000) });
	return link;
}

test.describe('accounts', () => {
	test('a landlord registers, verifies through the mail in the sink, logs in and out', async ({ page }) => {
		const email = `utleigar-${randomUUID().slice(0, 8)}@example.no`;
		await page.goto('/register');
		await page.getByLabel('Leige ut ein bustad').check();
		await page.getByLabel('Namnet ditt').fill('Randi Rolf');
		await page.getByLabel('E-postadresse').fill(email);
		await page.getByLabel('Passord').fill('min bustad ved fjorden');
		await page.getByRole('button', { name: 'Registrer meg' }).click();
		await expect(page.getByRole('heading', { name: 'Sjekk e-posten din' })).toBeVisible();

		// the link opened in the browser that registered logs the landlord in
		await page.goto(await verifyLink(email));
		await page.getByRole('button', { name: 'Stadfest' }).click();
		await expect(page).toHaveURL(/\/landlord$/);
		await page.getByRole('button', { name: 'Logg ut' }).click();

		await page.goto('/login');
		await page.getByLabel('E-postadresse').fill(email);
		await page.getByLabel('Passord').fill('min bustad ved fjorden');
		await page.getByRole('button', { name: 'Logg inn' }).click();
		await expect(page).toHaveURL(/\/landlord$/);

		await page.getByRole('button', { name: 'Logg ut' }).click();
		await expect(page.getByText('Du er logga ut.')).toBeVisible();
		await page.goto('/landlord');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Flandlord/);
	});

	test('shows errors next to the fields and a summary linking to them, without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
		const page = await context.newPage();
		await page.goto('/register');
		await page.getByLabel('E-postadresse').fill('ikkje-ei-adresse');
		await page.getByLabel('Passord').fill('kort');
		await page.getByRole('button', { name: 'Registrer meg' }).click();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Det er noko som må rettast');
		await expect(summary.getByRole('link', { name: /Skriv ei gyldig e-postadresse/ })).toHaveAttribute('href', '#email');
		await expect(page.getByLabel('E-postadresse')).toHaveValue('ikkje-ei-adresse');
		await expect(page.getByLabel('Passord')).toHaveValue('');
		// next to the field too, tied to the input for screen readers
		await expect(page.locator('#password-error')).toHaveText('Passordet må ha minst 10 teikn.');
		await expect(page.getByLabel('Passord')).toHaveAttribute('aria-describedby', /password-error/);
		await context.close();
	});

	test('sends a visitor to the login page and back to where they were going', async ({ page }) => {
		await page.goto('/volunteer');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fvolunteer/);
		await page.getByLabel('E-postadresse').fill('frivillig@example.no');
		await page.getByLabel('Passord').fill('busett-demo-2026');
		await page.getByRole('button', { name: 'Logg inn' }).click();
		await expect(page).toHaveURL(/\/volunteer$/);
	});
});
