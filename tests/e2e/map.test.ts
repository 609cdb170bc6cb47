// The staff map (issue 19): MapLibre in Chromium draws the demo's approved dwellings as
// markers that open the dwelling, with the table beside it; without JavaScript the page is
// the table. axe: tests/e2e/a11y.test.ts walks this page with the rest.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { serviceClient } from '../helpers/clients';

async function staffPage(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ locale: 'nn-NO', javaScriptEnabled });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill('sakshandsamar@fjordvik.kommune.no');
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.waitForURL(/\/staff$/);
	return page;
}

test.describe('the staff map', () => {
	test('shows the approved dwellings as markers on the map and in the table, and a marker opens its dwelling', async ({ browser }) => {
		const { count: approved } = await serviceClient()
			.from('dwellings')
			.select('*', { count: 'exact', head: true })
			.eq('status', 'approved')
			.not('lat', 'is', null);
		expect(approved).toBeGreaterThan(0);
		const page = await staffPage(browser);
		// the table's largest page, so that it holds every approved dwelling the map draws
		await page.goto('/staff/map?status=approved&size=100');
		const map = page.getByRole('region', { name: 'Kart over bustader, busstopp og skulekrinsar' });
		await expect(map.locator('canvas')).toBeVisible();
		const markers = map.locator('a.map-marker');
		await expect(markers).toHaveCount(approved!);
		// the table alternative holds the same dwellings
		await expect(page.getByRole('table', { name: 'Bustader på kartet' }).locator('tbody tr')).toHaveCount(approved!);
		expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).toMatchObject({
			violations: []
		});
		const first = markers.first();
		const href = await first.getAttribute('href');
		await first.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === href);
		await page.context().close();
	});

	test('shows a household’s suggested dwellings on a map on its page', async ({ browser }) => {
		// an expected household with nothing proposed has suggestions (the demo's first such)
		const page = await staffPage(browser);
		const { data: expected } = await serviceClient().from('households').select('id').eq('status', 'expected').order('id').limit(10);
		for (const { id } of expected!) {
			await page.goto(`/staff/households/${id}`);
			if ((await page.getByRole('heading', { name: 'Forslaga på kartet' }).count()) > 0) break;
		}
		await expect(page.getByRole('heading', { name: 'Forslaga på kartet' })).toBeVisible();
		const suggested = await page
			.locator('input[name="dwelling_id"]')
			.evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).value))]);
		const markers = page.getByRole('region', { name: 'Kart over bustader, busstopp og skulekrinsar' }).locator('a.map-marker');
		await expect(markers.first()).toBeVisible();
		const shown = await markers.evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
		// every marker is a suggestion (a suggestion the staff has not placed has none)
		for (const id of shown) expect(suggested).toContain(id);
		await page.context().close();
	});

	test('is the table without JavaScript', async ({ browser }) => {
		const page = await staffPage(browser, false);
		await page.goto('/staff/map');
		await expect(page.getByRole('table', { name: 'Bustader på kartet' })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Busstopp' }).locator('tbody tr').first()).toBeVisible();
		await expect(page.locator('a.map-marker')).toHaveCount(0);
		await page.context().close();
	});
});
