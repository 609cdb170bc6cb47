import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { yearInOslo } from '../../src/lib/dates';
import { serviceClient } from '../helpers/clients';

const YEAR = yearInOslo();

// without JavaScript: the dashboard and its charts are rendered on the server
async function staffPage(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ locale: 'nn-NO', javaScriptEnabled, acceptDownloads: true });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill('sakshandsamar@fjordvik.kommune.no');
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.waitForURL(/\/staff$/);
	return page;
}

/** the demo's settlements this year, counted straight from the tables */
async function directCount() {
	const { data, error } = await serviceClient()
		.from('households')
		.select('category, settled_on, household_members(count)')
		.eq('status', 'settled')
		.gte('settled_on', `${YEAR}-01-01`)
		.lte('settled_on', `${YEAR}-12-31`);
	if (error) throw error;
	const persons = (h: (typeof data)[number]) => (h.household_members as unknown as { count: number }[])[0].count;
	const counted = data.filter((h) => h.category !== 'family_reunification');
	const byMonth = Array.from({ length: 12 }, (_, i) =>
		counted.filter((h) => Number(h.settled_on!.slice(5, 7)) === i + 1).reduce((n, h) => n + persons(h), 0)
	);
	const { data: target } = await serviceClient().from('yearly_targets').select('persons').eq('year', YEAR).single();
	return {
		settled: counted.reduce((n, h) => n + persons(h), 0),
		households: counted.length,
		familyReunification: data.filter((h) => h.category === 'family_reunification').reduce((n, h) => n + persons(h), 0),
		byMonth,
		target: target!.persons
	};
}

test('the dashboard shows the demo data with the same numbers as a direct count, without JavaScript', async ({ browser }) => {
	// Sætre has no primary school place left (as in the demo; earlier tests may have changed it)
	await serviceClient().from('districts').update({ primary_school_places: 0 }).eq('name', 'Sætre skulekrins');
	const expected = await directCount();
	expect(expected.settled).toBeGreaterThan(0);
	const page = await staffPage(browser, false);
	await page.goto('/staff/overview');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oversikt');
	await expect(page.getByTestId('settled-of-target')).toHaveText(`${expected.settled} av ${expected.target} personar busette i ${YEAR}`);
	await expect(page.getByTestId('settled-households')).toHaveText(String(expected.households));
	await expect(page.getByTestId('family-reunification')).toHaveText(String(expected.familyReunification));

	// the chart is there as a picture with its numbers, and as a table
	await expect(page.getByRole('img', { name: /Busette personar per månad/ })).toBeVisible();
	const figure = page.getByRole('figure', { name: /Busette personar per månad/ });
	await figure.getByText('Vis tala som tabell').click();
	const cells = await figure.locator('tbody td').allTextContents();
	expect(cells.map(Number)).toEqual(expected.byMonth);

	// districts at or over capacity say so in words
	await expect(page.getByTestId('district-row').filter({ hasText: 'Sætre skulekrins' })).toContainText(/Fullt|Over kapasitet/);

	// each card of the progress says whether it counts households or persons
	const cards = page.getByRole('region', { name: 'Busetjing mot målet' }).locator('dl.figures dt');
	expect(await cards.count()).toBe(5);
	for (const label of await cards.allTextContents()) expect(label).toMatch(/^(Hushald|Personar)\b|: personar\b/);
	await expect(page.locator('dt', { hasText: `Hushald busette i ${YEAR}` })).toHaveCount(1);
});

test('staff download the settlement report as a CSV file Excel reads', async ({ browser }) => {
	const expected = await directCount();
	const page = await staffPage(browser);
	// the dashboard takes over in the browser without errors (same markup on both sides)
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => (m.type() === 'error' || /hydrat/i.test(m.text())) && errors.push(m.text()));
	await page.goto('/staff/overview');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oversikt');
	await page.getByRole('link', { name: 'Rapportar og eksport (CSV)' }).click();
	expect(errors).toEqual([]);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportar');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: `Busette personar per månad og kategori, ${YEAR}` }).click()
	]);
	expect(download.suggestedFilename()).toBe(`busette-${YEAR}.csv`);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes
		.toString('utf8')
		.slice(1)
		.trim()
		.split('\r\n')
		.map((l) => l.split(';'));
	const counted = lines[0].indexOf('Personar som tel mot målet');
	expect(lines[0][0]).toBe('Månad');
	expect(lines.slice(1, 13).map((l) => Number(l[counted]))).toEqual(expected.byMonth);
	expect(lines[13][0]).toBe('Sum');
	expect(Number(lines[13][counted])).toBe(expected.settled);
});
