import { expect, test } from '@playwright/test';

test.describe('landing page', () => {
	test('says what the service is in Nynorsk by default, with a way in for each role', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saman om å busetje flyktningar');
		// a newcomer registers with the role chosen, and goes on where they were going
		await expect(page.getByRole('link', { name: 'Tilby ein bustad' })).toHaveAttribute(
			'href',
			'/register?role=landlord&next=%2Flandlord%2Fdwellings%2Fnew'
		);
		await expect(page.getByRole('link', { name: 'Bli frivillig' })).toHaveAttribute('href', '/register?role=volunteer&next=%2Fvolunteer');
		await expect(page.getByRole('link', { name: 'Til sidene for tilsette' })).toHaveAttribute('href', '/staff');
		// the yearly target comes from the seeded database
		await expect(page.getByText('I år skal kommunen busetje 180 flyktningar.')).toBeVisible();
	});

	test('renders in English for a browser that asks for English', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settling refugees, together');
		await context.close();
	});

	test('switches language with the switcher and remembers the choice', async ({ page }) => {
		await page.goto('/reset');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/reset$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('New password');

		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settling refugees, together');
		await page.getByRole('button', { name: 'Nynorsk' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saman om å busetje flyktningar');
	});

	test('switches language without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settling refugees, together');
		await context.close();
	});
});
