// Words where codes stood: languages chosen from a list by their names and shown by their
// names, and Nynorsk dates and numbers that stay the same when the page hydrates in
// Chromium (which has no Nynorsk data of its own: it would write them in English).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { proposalOf, waitingHousehold } from '../helpers/households';

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

async function staffPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'nn-NO' });
	const page = await context.newPage();
	await logIn(page, 'sakshandsamar@fjordvik.kommune.no');
	return page;
}

const languagesRow = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Språk', exact: true }) });
const hydrated = (page: Page) => page.waitForFunction(() => history.scrollRestoration === 'manual');
const NYNORSK_DAY = /(måndag|tysdag|onsdag|torsdag|fredag|laurdag|sundag) \d+\. [a-zæøå]+ kl\. \d\d:\d\d/;
const NOT_NYNORSK = /\b(mandag|tirsdag|lørdag|søndag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

test.describe('language names and Nynorsk dates', () => {
	test('a Nynorsk page shows the same dates and numbers after hydrating, and after a client-side visit, as the server wrote', async ({
		browser
	}) => {
		const plain = await staffPage(browser, false);
		await plain.goto('/staff/tasks');
		const server = await plain.locator('main').innerText();
		expect(server).toMatch(NYNORSK_DAY);
		expect(server).not.toMatch(NOT_NYNORSK);

		const page = await staffPage(browser, true);
		await page.goto('/staff/tasks');
		await hydrated(page);
		expect(await page.locator('main').innerText()).toBe(server);

		// rendered by the browser alone: from another page by a link the router follows
		await page.goto('/staff');
		await hydrated(page);
		await page.locator('main a[href="/staff/tasks"], nav a[href="/staff/tasks"]').first().click();
		await expect(page).toHaveURL(/\/staff\/tasks$/);
		await expect(page.locator('main')).toContainText(NYNORSK_DAY);
		expect(await page.locator('main').innerText()).toBe(server);
		await plain.context().close();
		await page.context().close();
	});

	test("staff choose a household's languages by name without JavaScript; staff and the landlord read the names", async ({ browser }) => {
		const staff = await staffPage(browser, false);
		await staff.goto('/staff/households/new');
		const reference = `SPRÅK-${Date.now()}`;
		await staff.getByLabel('IMDi-referanse').fill(reference);
		await staff.getByLabel('Overføringsflyktning').check();
		await staff.getByRole('group', { name: 'Språk', exact: true }).getByLabel('Tigrinja').check();
		await staff.getByRole('group', { name: 'Språk', exact: true }).getByLabel('Dari').check();
		await staff.getByRole('button', { name: 'Registrer hushaldet' }).click();
		const { data } = await serviceClient().from('households').select('id, languages').eq('imdi_reference', reference).single();
		expect([...data!.languages].sort()).toEqual(['prs', 'ti']);

		await staff.goto(`/staff/households/${data!.id}`);
		// in the order chosen, as the list sorts them: by name
		await expect(languagesRow(staff)).toContainText('Dari, tigrinja');

		// a household waiting for a home, proposed to a landlord, who reads the names too
		const householdId = await waitingHousehold('SPRÅK');
		await serviceClient()
			.from('households')
			.update({ languages: ['prs', 'ti'] })
			.eq('id', householdId);
		await staff.goto(`/staff/households/${householdId}`);
		// a landlord's home among the suggestions (others may be the municipality's own)
		const { data: offered } = await serviceClient().from('dwellings').select('id').eq('status', 'approved').not('landlord_id', 'is', null);
		const landlords = new Set(offered!.map((d) => d.id));
		const items = staff.locator('.suggestions > li');
		let chosen = items.first();
		for (let i = 0; i < (await items.count()); i++) {
			const id = await items.nth(i).locator('input[name="dwelling_id"]').first().getAttribute('value');
			if (id && landlords.has(id)) {
				chosen = items.nth(i);
				break;
			}
		}
		await chosen.getByRole('button', { name: 'Foreslå' }).click();
		await expect(staff.getByRole('status')).toHaveText('Bustaden er foreslått. Utleigaren får e-post.');
		const match = await proposalOf(householdId);
		if (match.landlordEmail) {
			const landlord = await (await browser.newContext({ locale: 'nn-NO' })).newPage();
			await logIn(landlord, match.landlordEmail);
			await landlord.goto(`/landlord/proposals/${match.id}`);
			// in the landlord's own language: Nynorsk, or English for those who chose it
			await expect(landlord.locator('main')).toContainText(/Dari, tigrinja|Dari, Tigrinya/);
			await expect(landlord.locator('main')).not.toContainText(/\bti, prs\b/);
			await landlord.context().close();
		}
		await staff.context().close();
	});

	test("a volunteer's languages and levels read as words to staff, in Nynorsk", async ({ browser }) => {
		const staff = await staffPage(browser, true);
		const { data } = await serviceClient()
			.from('volunteer_languages')
			.select('user_id, language, level')
			.eq('language', 'uk')
			.eq('level', 'native')
			.limit(1)
			.single();
		test.skip(!data, 'the seed has a volunteer with Ukrainian as mother tongue');
		await staff.goto(`/staff/volunteers/${data!.user_id}`);
		await hydrated(staff);
		await expect(languagesRow(staff)).toContainText(/Ukrainsk \(morsmål\)|ukrainsk \(morsmål\)/);
		await staff.context().close();
	});
});
