// A caseworker without JavaScript (issue 18): finds a household by a part of its contact's
// name in the header's search, and pages through a filtered list and back.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { serviceClient } from '../helpers/clients';

async function caseworker(browser: Browser) {
	const context = await browser.newContext({ locale: 'nn-NO', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill('sakshandsamar@fjordvik.kommune.no');
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.waitForURL(/\/staff$/);
	return page;
}

test('a caseworker without JavaScript finds a household by a part of its contact name', async ({ browser }) => {
	const run = randomUUID().slice(0, 8);
	const { error } = await serviceClient()
		.from('households')
		.insert({ imdi_reference: `E2E-SØK-${run}`, category: 'resettlement', contact_name: `Halyna Kvitkovska${run}` });
	if (error) throw error;
	const page = await caseworker(browser);
	const search = page.getByRole('search');
	await search.getByLabel('Søk').fill(`kvitkov`.concat('ska', run));
	await search.getByRole('button', { name: 'Søk' }).click();
	await expect(page).toHaveURL(/\/staff\/search\?q=/);
	await expect(page.getByRole('heading', { name: 'Hushald' })).toBeVisible();
	await page.getByRole('link', { name: `E2E-SØK-${run}` }).click();
	await expect(page).toHaveURL(/\/staff\/households\/[0-9a-f-]{36}$/);
	await expect(page.getByText(`Halyna Kvitkovska${run}`).first()).toBeVisible();
});

test('a caseworker without JavaScript pages through a filtered list and back', async ({ browser }) => {
	const run = randomUUID().slice(0, 8);
	const { data: me, error: e1 } = await serviceClient()
		.from('users')
		.select('id')
		.eq('email', 'sakshandsamar@fjordvik.kommune.no')
		.single();
	if (e1) throw e1;
	const rows = Array.from({ length: 30 }, (_, i) => ({
		imdi_reference: `E2E-LISTE-${run}-${String(i).padStart(2, '0')}`,
		category: 'other' as const,
		caseworker_id: me.id
	}));
	const { error } = await serviceClient().from('households').insert(rows);
	if (error) throw error;
	const page = await caseworker(browser);
	await page.goto('/staff/households');
	await page.getByLabel('Ansvarleg').selectOption({ label: 'Mine' });
	await page.getByLabel('Kategori').selectOption({ label: 'Anna' });
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/caseworker=mine/);
	await expect(page.getByText(/^1–30 av 30/)).toBeVisible();
	// a smaller page, so that the 30 take two
	await page.getByRole('navigation', { name: 'Hushald', exact: true }).getByRole('link', { name: '25', exact: true }).click();
	await expect(page).toHaveURL(/size=25/);
	await expect(page.getByText(/^1–25 av 30/)).toBeVisible();
	const first = await page.locator('tbody tr td:first-child a').allTextContents();
	await page.getByRole('link', { name: 'Neste →' }).click();
	await expect(page).toHaveURL(/page=2/);
	await expect(page).toHaveURL(/caseworker=mine/);
	await expect(page.getByText(/^26–30 av 30/)).toBeVisible();
	const second = await page.locator('tbody tr td:first-child a').allTextContents();
	expect(second.length).toBeGreaterThan(0);
	expect(second.filter((ref) => first.includes(ref))).toEqual([]);
	await page.goBack();
	await expect(page).not.toHaveURL(/page=2/);
	expect(await page.locator('tbody tr td:first-child a').allTextContents()).toEqual(first);
});
