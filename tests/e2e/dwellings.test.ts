import { expect, test, type Page } from '@playwright/test';
import { stackEnv } from '../helpers/env';
import { scaled } from '../helpers/time';

async function login(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

async function mails(email: string): Promise<{ subject: string; text: string }[]> {
	const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(email)}`);
	return (await res.json()) as { subject: string; text: string }[];
}

test.describe('offering a dwelling', () => {
	test('a landlord offers a home across a save and resume without JavaScript; staff approve it; the landlord gets the mail', async ({
		browser
	}) => {
		const street = `Fjellstien ${Date.now() % 100000}`;
		const landlord = await browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
		const page = await landlord.newPage();
		// a landlord who chose Nynorsk (utleigar08 chose English, which the pages would follow)
		await login(page, 'utleigar07@example.no');
		await page.goto('/landlord');
		await page.getByRole('link', { name: 'Tilby ein bustad' }).first().click();

		// first sitting: the address, then save
		await page.getByLabel('Gateadresse').fill(street);
		await page.getByLabel('Postnummer').fill('5916');
		await page.getByRole('button', { name: 'Lagre utkast' }).click();
		await expect(page.getByRole('status')).toHaveText('Utkastet er lagra. Du kan halde fram seinare.');

		// later: back from the list, finish and send in
		await page.goto('/landlord');
		await page.getByRole('link', { name: new RegExp(street) }).click();
		await expect(page.getByLabel('Gateadresse')).toHaveValue(street);
		await page.getByLabel('Poststad').fill('Nesheim');
		await page.getByLabel('Tettstad eller bygd').fill('Nesheim');
		await page.getByLabel('Soverom').fill('3');
		await page.getByLabel('Senger', { exact: true }).fill('4');
		await page.getByLabel('Kor mange kan bu der?').fill('5');
		await page.getByLabel('Husleige per månad (kr)').fill('11 000');
		await page.getByLabel('Ledig frå').fill('2027-02-01');
		await page.getByLabel('Trinnfri tilkomst (utan trapper)').check();
		await page.getByRole('button', { name: 'Send inn tilbodet' }).click();
		// the fire-safety confirmation is missing: said next to it, nothing lost
		await expect(page.getByRole('alert')).toContainText('Du må stadfeste at bustaden har røykvarslar');
		await expect(page.getByLabel('Husleige per månad (kr)')).toHaveValue('11 000');
		await page.getByLabel('Eg stadfestar at bustaden har røykvarslar').check();
		await page.getByRole('button', { name: 'Send inn tilbodet' }).click();
		await expect(page.getByRole('status')).toHaveText('Tilbodet er sendt inn. Du får svar på e-post.');
		await landlord.close();

		// staff find it in the queue and approve it
		const staff = await browser.newContext({ locale: 'nn-NO' });
		const staffPage = await staff.newPage();
		await login(staffPage, 'sakshandsamar@fjordvik.kommune.no');
		await staffPage.goto('/staff/dwellings?status=submitted');
		await staffPage.getByRole('link', { name: new RegExp(street) }).click();
		await staffPage.getByLabel('Godkjenn').check();
		await staffPage.getByLabel('Skulekrins').selectOption({ label: 'Nesheim skulekrins' });
		await staffPage.getByRole('button', { name: 'Lagre avgjerd' }).click();
		await expect(staffPage.getByRole('status')).toHaveText('Avgjerda er lagra, og utleigaren får e-post.');
		await staff.close();

		// the mail in the landlord's language (mails in other languages: tests/integration/languages.test.ts)
		await expect(async () => {
			// a fixed subject; the address (the landlord's words) is in the body
			const approved = (await mails('utleigar07@example.no')).filter((m) => m.subject === 'Bustaden din er godkjend');
			expect(approved.some((m) => m.text.includes(`${street}, Nesheim`))).toBe(true);
		}).toPass({ timeout: scaled(30_000) });
	});
});
