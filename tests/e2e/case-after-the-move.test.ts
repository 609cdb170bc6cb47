// The case after the move with JavaScript off (issue 18, item 6): a caseworker makes herself the
// household's responsible caseworker, and marks a step of a settled household's follow-up
// checklist done, each as a plain HTML form; the step then shows who did it, and a date in the
// future comes back with the error at its field.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { seedId } from '../helpers/seed';

async function noJs(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
	return context.newPage();
}

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

/** a household of the test's own, settled three weeks ago */
async function settledHousehold(): Promise<string> {
	const settled = new Date(Date.now() - 21 * 86400_000).toISOString().slice(0, 10);
	const { data, error } = await serviceClient()
		.from('households')
		.insert({
			imdi_reference: `E2E-OPPF-${randomUUID().slice(0, 8)}`,
			category: 'resettlement',
			status: 'settled',
			settled_on: settled,
			contact_name: 'Testperson',
			languages: ['uk']
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

test.describe('the case after the move without JavaScript', () => {
	test('a caseworker makes herself responsible and marks a follow-up step done', async ({ browser }) => {
		const id = await settledHousehold();
		const page = await noJs(browser);
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');
		await page.goto(`/staff/households/${id}`);

		await page.getByRole('button', { name: 'Gjer meg til ansvarleg sakshandsamar' }).click();
		await expect(page.locator('p.notice[role="status"]')).toContainText('Ansvarleg sakshandsamar er lagra.');
		await expect(page.getByRole('row', { name: /Ansvarleg sakshandsamar/ })).toContainText('Torbjørn Sakshandsamar');

		const first = page.locator('#follow-up ~ .table-scroll tbody tr').first();
		const step = (await first.locator('th').innerText()).trim();
		// a day in the future is refused at its field
		const future = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
		await first.getByLabel(/Gjort dato/).fill(future);
		await first.getByRole('button', { name: /Merk som gjort/ }).click();
		await expect(page.locator('#done_on-error')).toContainText('Datoen kan ikkje vere');

		const today = new Date().toISOString().slice(0, 10);
		const row = page.getByRole('row', { name: new RegExp(step) });
		await row.getByLabel(/Gjort dato/).fill(today);
		await row.getByRole('button', { name: /Merk som gjort/ }).click();
		await expect(page.locator('p.notice[role="status"]')).toContainText('Steget er merka som gjort.');
		await expect(page.getByRole('row', { name: new RegExp(step) })).toContainText('Torbjørn Sakshandsamar');
		await expect(page.getByRole('row', { name: new RegExp(step) }).getByRole('button', { name: /Angre/ })).toBeVisible();
		// and it is in the timeline
		await expect(page.locator('ol.timeline')).toContainText('Oppfølgingssteg gjort');
	});

	// the a11y sweep opens a household still waiting; the checklist and the timeline are on a settled one
	test('a settled household with its checklist, timeline and interpreter has no axe violations', async ({ browser }) => {
		// axe runs as a script in the page (with scripts off it never answers), so this check has them on
		const page = await (await browser.newContext({ locale: 'nn-NO' })).newPage();
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');
		for (const n of [21, 9]) {
			await page.goto(`/staff/households/${seedId(`household:${n}`)}`);
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
		}
		await page.goto(`/staff/households/${seedId('household:21')}`);
		await expect(page.locator('#follow-up ~ .table-scroll')).toContainText('Forsinka');
	});
});
