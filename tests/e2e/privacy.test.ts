import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seedId } from '../helpers/seed';

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

test('an admin filters the audit log by one household record', async ({ page }) => {
	const householdId = seedId('household:11');
	await logIn(page, 'admin@fjordvik.kommune.no');
	await expect(page).toHaveURL(/\/staff$/);
	// reading the record is itself logged
	await page.goto(`/staff/households/${householdId}`);
	await expect(page).toHaveTitle(/^Hushald – /);

	await page.goto('/staff');
	await page.getByRole('link', { name: 'Revisjonslogg' }).click();
	await page.getByLabel('Oppføring (id)').fill(householdId);
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(new RegExp(`record=${householdId}`));

	const rows = page.locator('tbody tr');
	await expect(rows.first()).toContainText('lese');
	await expect(rows.first()).toContainText('Solveig Admin');
	// every row is about this household (the seed created it, so its creation is there too)
	const count = await rows.count();
	expect(count).toBeGreaterThan(1);
	for (let i = 0; i < count; i++) await expect(rows.nth(i).getByRole('link', { name: householdId.slice(0, 8) })).toBeVisible();
	await expect(rows.last()).toContainText('oppretta');
});

test('a volunteer downloads their data as a JSON file', async ({ page }) => {
	await logIn(page, 'frivillig07@example.no');
	await expect(page).toHaveURL(/\/volunteer$/);
	await page.goto('/account');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Last ned opplysningane mine' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('mine-data.json');
	const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
	expect(data.account.email).toBe('frivillig07@example.no');
	expect(data.account.display_name).toBe('Hanne Berg');
	expect(JSON.stringify(data)).not.toContain('frivillig08@example.no');
});
