// The role navigation in the header and the staff's "needs action" start page (issue 18).
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

async function staffPage(browser: Browser, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
	const context = await browser.newContext({
		locale: 'nn-NO',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: { width: options.width ?? 1280, height: 800 }
	});
	const page = await context.newPage();
	await logIn(page, 'sakshandsamar@fjordvik.kommune.no');
	await page.waitForURL(/\/staff$/);
	return page;
}

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());

async function tabTo(page: Page, wanted: RegExp) {
	const seen: string[] = [];
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const now = await focusedText(page);
		if (wanted.test(now)) return;
		seen.push(now);
	}
	throw new Error(`never reached ${wanted}; passed ${seen.join(' | ')}`);
}

test.describe('the role navigation', () => {
	test('a caseworker at 320 px opens the menu and goes to the households with the keyboard alone', async ({ browser }) => {
		const page = await staffPage(browser, { width: 320 });
		const nav = page.getByRole('navigation', { name: 'Hovudmeny' });
		// the wide list is hidden; the menu is closed
		await expect(nav.getByRole('link', { name: 'Hushald' })).toBeHidden();
		await tabTo(page, /^Meny$/);
		await page.keyboard.press('Enter');
		await expect(nav.getByRole('link', { name: 'Hushald' })).toBeVisible();
		await expect(nav.getByRole('link', { name: /Treng handling/ })).toHaveAttribute('aria-current', 'page');
		await tabTo(page, /^Hushald$/);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/staff\/households$/);
		// the sub-page is marked in the menu, which works the same way there
		await tabTo(page, /^Meny$/);
		await page.keyboard.press('Enter');
		await expect(nav.getByRole('link', { name: 'Hushald' })).toHaveAttribute('aria-current', 'page');
		await page.context().close();
	});

	test('the skip link is the first stop and leads past the navigation', async ({ browser }) => {
		const page = await staffPage(browser);
		await page.keyboard.press('Tab');
		expect(await focusedText(page)).toBe('Hopp til innhaldet');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
		await page.context().close();
	});

	test('each role sees its own links and no one else’s', async ({ browser }) => {
		for (const [email, shown, hidden] of [
			['utleigar02@example.no', 'Bustadene mine', 'Hushald'],
			['frivillig02@example.no', 'Profilen min', 'Hushald'],
			['sakshandsamar@fjordvik.kommune.no', 'Hushald', 'Revisjonslogg'],
			['admin@fjordvik.kommune.no', 'Revisjonslogg', 'Bustadene mine']
		] as const) {
			const context = await browser.newContext({ locale: 'nn-NO' });
			const page = await context.newPage();
			await logIn(page, email);
			await page.waitForURL((url) => !url.pathname.startsWith('/login'));
			const nav = page.getByRole('navigation', { name: 'Hovudmeny' });
			await expect(nav.getByRole('link', { name: shown, exact: true })).toBeVisible();
			await expect(nav.getByRole('link', { name: hidden, exact: true })).toHaveCount(0);
			await context.close();
		}
	});
});

test.describe('needs action', () => {
	test('a caseworker without JavaScript opens needs action and clears one item', async ({ browser }) => {
		const recipient = `na-${randomUUID().slice(0, 8)}@example.no`;
		const { error } = await serviceClient()
			.from('notifications')
			// a mail that can be sent once retried (its payload fits its template)
			.insert({
				recipient,
				template: 'password_changed',
				payload: { name: 'Nina Test' },
				idempotency_key: `na-e2e-${recipient}`,
				status: 'failed',
				last_error: 'test'
			});
		expect(error).toBeNull();
		const page = await staffPage(browser, { javaScriptEnabled: false });
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Treng handling');
		// the list is paged, oldest first; a kind's count is the link that shows only that kind
		await page.getByRole('link', { name: 'E-post som ikkje kom fram', exact: true }).click();
		await expect(page).toHaveURL(/\/staff\?kind=mail_failed$/);
		const item = page.getByRole('link', { name: new RegExp(recipient) });
		await expect(item).toBeVisible();
		await expect(page.getByRole('link', { name: 'Tala for året (oversikt)' })).toHaveAttribute('href', '/staff/overview');
		await item.click();
		await expect(page).toHaveURL(/\/staff\/outbox$/);
		await page
			.getByRole('row', { name: new RegExp(recipient) })
			.getByRole('button', { name: 'Prøv igjen no' })
			.click();
		// the form's answer first: a new page load before it would race the retry
		await expect(page.locator('p.notice[role="status"]')).toBeVisible();
		await page.goto('/staff?kind=mail_failed');
		await expect(page.getByRole('link', { name: new RegExp(recipient) })).toHaveCount(0);
		await page.context().close();
	});
});
