// The error summary without JavaScript: an empty form sent comes back with one entry per
// field in error, each naming the field as its label does ("Gateadresse: Fyll ut dette
// feltet.") and linking to that field's input; following a link lands on the field.
import { expect, test, type Browser, type Page } from '@playwright/test';

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

/** each entry of the summary: its text, and the label of the field its link leads to (the field's <label for>, or its group's legend) */
async function entries(page: Page): Promise<{ text: string; href: string; label: string; message: string }[]> {
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	const links = summary.getByRole('link');
	const found = [];
	for (const link of await links.all()) {
		const text = (await link.textContent())!.trim();
		const href = (await link.getAttribute('href'))!;
		const id = decodeURIComponent(href.slice(1));
		const target = page.locator(`[id="${id}"]`);
		await expect(target, `${href} leads to a field`).toHaveCount(1);
		const tag = await target.evaluate((el) => el.tagName.toLowerCase());
		const label = (
			tag === 'fieldset' ? await target.locator('legend').first().textContent() : await page.locator(`label[for="${id}"]`).textContent()
		)!.trim();
		// the message next to the field (a row of a list has one for the row)
		const next = page.locator(`[id="${id}-error"], [id="${id}"] > .error`);
		const message = (await next.count()) ? (await next.first().textContent())!.trim() : '';
		found.push({ text, href, label, message });
	}
	return found;
}

test.describe('the error summary', () => {
	test("a household sent empty: each entry names its field as the field's label does and links to it", async ({ browser }) => {
		const page = await noJs(browser);
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');
		await page.goto('/staff/households/new');
		await page.getByLabel('Vaksne').fill('');
		await page.getByRole('button', { name: 'Registrer hushaldet' }).click();

		const found = await entries(page);
		expect(found.map((e) => e.href)).toEqual(expect.arrayContaining(['#imdi_reference', '#adults']));
		for (const entry of found) {
			// "Label: message", the label without a question's mark, the message as next to the field
			expect(entry.text).toBe(`${entry.label.replace(/\s*[?:.]$/, '')}: ${entry.message}`);
		}
		expect(found.find((e) => e.href === '#imdi_reference')?.text).toBe('IMDi-referanse: Fyll ut dette feltet.');

		// a plain anchor: following it goes to the field
		await page
			.locator('.error-summary')
			.getByRole('link', { name: /^IMDi-referanse/ })
			.click();
		await expect(page).toHaveURL(/#imdi_reference$/);
		await page.context().close();
	});

	test('an offer sent in empty names every missing field, each linked to its input', async ({ browser }) => {
		const page = await noJs(browser);
		await logIn(page, 'utleigar07@example.no');
		await page.goto('/landlord/dwellings/new');
		await page.getByRole('button', { name: 'Send inn tilbodet' }).click();

		const found = await entries(page);
		expect(found.length).toBeGreaterThan(3);
		for (const entry of found) expect(entry.text).toBe(`${entry.label.replace(/\s*[?:.]$/, '')}: ${entry.message}`);
		expect(found.map((e) => e.text)).toEqual(expect.arrayContaining(['Gateadresse: Fyll ut dette feltet.']));
		// no two entries alike: "Fyll ut dette feltet." many times over is what this is about
		expect(new Set(found.map((e) => e.text)).size).toBe(found.length);
		await page.context().close();
	});

	test("a volunteer's language row without a level: the entry names the row and the field, and links to that row's level", async ({
		browser
	}) => {
		const page = await noJs(browser);
		await logIn(page, 'frivillig05@example.no');
		await page.goto('/volunteer/profile');
		const language = page.getByLabel('Kva for språk');
		const level = page.getByLabel('Nivå');
		for (const i of [0, 1, 2, 3]) {
			await language.nth(i).selectOption('');
			await level.nth(i).selectOption('');
		}
		await language.nth(1).selectOption('en');
		await page.getByRole('button', { name: 'Lagre profilen' }).click();

		const found = await entries(page);
		expect(found).toEqual([
			expect.objectContaining({
				href: '#languages[1].level',
				text: 'Språk 2 – Nivå: Vel nivå for kvart språk du har skrive.',
				label: 'Nivå'
			})
		]);
		await page.context().close();
	});
});
