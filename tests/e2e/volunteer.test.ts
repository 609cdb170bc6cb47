import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { serviceClient } from '../helpers/clients';

test('a volunteer fills the profile, signs up for a task, downloads the calendar file, and withdraws', async ({ page }) => {
	// a task of its own, three days ahead, so the run does not depend on the seed's dates
	const start = new Date(Date.now() + 72 * 3600_000);
	const title = `Språkkafé ${Date.now() % 100000}`;
	const { data: task, error } = await serviceClient()
		.from('tasks')
		.insert({
			type: 'language_practice',
			title,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + 2 * 3600_000).toISOString(),
			locality: 'Straumvik',
			address: 'Biblioteket',
			volunteers_needed: 3
		})
		.select('id')
		.single();
	expect(error).toBeNull();

	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill('frivillig04@example.no');
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).toHaveURL(/\/volunteer$/);

	await page.getByRole('main').getByRole('link', { name: 'Profilen min' }).click();
	await page.getByLabel('Telefon').fill('+47 400 00 004');
	// nothing sends SMS yet, so the profile does not offer it
	await expect(page.locator('input[name="contact_by_sms"]')).toHaveCount(0);
	// the language is picked by its name in the page's language, not typed as a code
	await page.getByLabel('Kva for språk').first().selectOption({ label: 'Ukrainsk' });
	await page.getByLabel('Nivå').first().selectOption('conversational');
	await page.getByLabel('Førarkort').check();
	await page.getByLabel('Laurdag Formiddag').check();
	await page.getByRole('button', { name: 'Lagre profilen' }).click();
	await expect(page.getByRole('status')).toHaveText('Profilen er lagra.');

	// the list is paged and soonest first; the task's place filters it out of the others
	await page.goto('/volunteer?locality=Straumvik&type=language_practice');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Meld meg på' }).click();
	await expect(page.getByRole('status')).toHaveText('Du er påmeld. Du får ein e-post med kalenderfil.');

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Last ned kalenderfil' }).click();
	const file = await (await downloading).path();
	const ics = readFileSync(file, 'utf8');
	expect(ics).toContain(`SUMMARY:${title}`);

	await page.getByRole('button', { name: 'Meld meg av' }).click();
	await expect(page.getByRole('status')).toHaveText('Du har meldt deg av.');
	const { data: signup } = await serviceClient().from('signups').select('status').eq('task_id', task!.id).single();
	expect(signup!.status).toBe('withdrawn');
});

test('with JavaScript, the new calendar address has a copy button that copies it', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill('frivillig21@example.no');
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).toHaveURL(/\/volunteer$/);

	await page.getByRole('button', { name: /^Lag (kalenderadresse|ny adresse)/ }).click();
	const link = page.locator('a[href*="/calendar/"]');
	await expect(link).toBeVisible();
	const address = await link.getAttribute('href');
	expect(await link.textContent()).toBe(address);
	await page.getByRole('button', { name: 'Kopier adressa' }).click();
	await expect(page.getByText('Adressa er kopiert.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
});
