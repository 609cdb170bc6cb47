// A page a person may not open, as the browser meets it: the server hook refuses it before
// any load runs (src/lib/server/auth/authorize.ts) and the answer is the app's own error
// page — in its layout, hydrated, without an error in the console — whether the address is
// opened directly or reached by a client-side navigation.
import { expect, test, type Page } from '@playwright/test';

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		// the refusal itself is logged by Chromium as a failed resource: that is the 403
		if (message.type() === 'error' && !/status of 403/.test(message.text())) problems.push(`console: ${message.text()}`);
	});
	return problems;
}

test.describe('a page the person may not open', () => {
	test('opened directly, is the app’s error page with 403, in its layout and hydrated', async ({ page }) => {
		await logIn(page, 'utleigar03@example.no');
		await expect(page).toHaveURL(/\/landlord$/);
		const problems = watch(page);
		const response = await page.goto('/staff/households');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noko gjekk gale');
		await expect(page.getByText('Du har ikkje tilgang til denne sida.')).toBeVisible();
		// the layout's header, for this person
		await expect(page.getByRole('link', { name: 'Kontoen min' })).toBeVisible();
		// hydrated: SvelteKit's live region is there, and its links navigate on the client
		await expect(page.locator('#svelte-announcer')).toBeAttached();
		await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
		await page.getByRole('link', { name: 'Tilbake til framsida' }).click();
		await expect(page).toHaveURL(/\/$/);
		expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
		expect(problems).toEqual([]);
	});

	test('reached by a client-side navigation, is the same error page', async ({ page }) => {
		await logIn(page, 'utleigar03@example.no');
		await expect(page).toHaveURL(/\/landlord$/);
		await expect(page.locator('#svelte-announcer')).toBeAttached();
		const problems = watch(page);
		// no page offers this person the link any more: one put there for the test. The hook
		// refuses the page's data too, so the browser loads the address itself (SvelteKit's
		// way when a page's data cannot be had) and gets the error page from the server.
		await page.evaluate(() => {
			const link = Object.assign(document.createElement('a'), { href: '/staff/tasks', textContent: 'to the staff' });
			document.querySelector('main')!.append(link);
		});
		const answer = page.waitForResponse((res) => new URL(res.url()).pathname === '/staff/tasks');
		await page.getByRole('link', { name: 'to the staff' }).click();
		expect((await answer).status()).toBe(403);
		await expect(page).toHaveURL(/\/staff\/tasks$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noko gjekk gale');
		await expect(page.getByText('Du har ikkje tilgang til denne sida.')).toBeVisible();
		await expect(page.locator('#svelte-announcer')).toBeAttached();
		expect(problems).toEqual([]);
	});
});
