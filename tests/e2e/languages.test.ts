import { expect, test } from '@playwright/test';

// each language as a browser in its country asks for it, with the landing page's heading
const languages = [
	{ lang: 'nn', browser: 'nn-NO', heading: 'Saman om å busetje flyktningar' },
	{ lang: 'nb', browser: 'nb-NO', heading: 'Sammen om å bosette flyktninger' },
	{ lang: 'en', browser: 'en-GB', heading: 'Settling refugees, together' },
	{ lang: 'uk', browser: 'uk-UA', heading: 'Разом поселяємо біженців' }
];

test.describe('languages', () => {
	test('a typical Norwegian browser (nb-NO) gets Bokmål', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'nb-NO' });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
		await expect(page.getByRole('link', { name: 'Tilby en bolig' })).toHaveAttribute(
			'href',
			'/register?role=landlord&next=%2Flandlord%2Fdwellings%2Fnew'
		);
		// the switcher marks the language in use
		await expect(page.getByRole('button', { name: 'Bokmål' })).toHaveAttribute('aria-current', 'true');
		await context.close();
	});

	for (const { lang, browser: browserLocale, heading } of languages) {
		test(`shows the landing page in ${lang} and saves a screenshot of it`, async ({ browser }, testInfo) => {
			const context = await browser.newContext({ locale: browserLocale });
			const page = await context.newPage();
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			// the yearly target from the seed, with the number in the sentence
			await expect(page.getByText('180')).toBeVisible();
			const path = testInfo.outputPath(`landing-${lang}.png`);
			await page.screenshot({ path, fullPage: true });
			await testInfo.attach(`landing-${lang}`, { path, contentType: 'image/png' });
			await context.close();
		});
	}

	test('switches to Ukrainian and back with the switcher', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'Українська' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вхід');
		await page.getByRole('button', { name: 'Nynorsk' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn');
	});
});
