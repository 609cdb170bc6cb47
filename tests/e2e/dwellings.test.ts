import { expect, test } from '@playwright/test';
import { login, mails } from '../helpers/browser';
import { serviceClient } from '../helpers/clients';
import { scaled } from '../helpers/time';

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
		// a new street the address register does not have: "did you mean", answered "as typed"
		await expect(page.getByRole('group', { name: 'Meinte du ei av desse adressene?' })).toBeVisible();
		await page.getByRole('radio', { name: /^Nei, adressa er rett slik eg skreiv ho/ }).check();
		await page.getByRole('button', { name: 'Send inn tilbodet' }).click();
		await expect(page.getByRole('status')).toHaveText('Tilbodet er sendt inn. Du får svar på e-post.');
		await landlord.close();

		// staff find it in the queue and approve it
		const staff = await browser.newContext({ locale: 'nn-NO' });
		const staffPage = await staff.newPage();
		await login(staffPage, 'sakshandsamar@fjordvik.kommune.no');
		await staffPage.goto('/staff/dwellings?status=submitted');
		await staffPage.getByRole('link', { name: new RegExp(street) }).click();
		// the inspection first: approval needs one passed
		for (const item of ['Røykvarslar i kvar etasje', 'Brannsløkkjar eller brannteppe', 'Rømmingsveg frå kvart soverom', 'Fukt og mugg'])
			await staffPage.getByRole('group', { name: item }).getByLabel('I orden', { exact: true }).check();
		for (const item of ['Oppvarming', 'Elektrisk anlegg', 'Trinnfri tilkomst som oppgitt', 'Møblar som oppgitt'])
			await staffPage
				.getByRole('group', { name: item })
				.getByLabel(item.startsWith('Trinnfri') ? 'Gjeld ikkje' : 'I orden', { exact: true })
				.check();
		await staffPage.getByRole('button', { name: 'Lagre synfaringa' }).click();
		await expect(staffPage.getByRole('status')).toHaveText('Synfaringa er lagra.');
		await staffPage.getByLabel('Godkjenn').check();
		await staffPage.getByLabel('Skulekrins', { exact: true }).selectOption({ label: 'Nesheim skulekrins' });
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

	test('a landlord picks the register’s address for a misspelt one, without JavaScript and with it', async ({ browser }) => {
		// without JavaScript: sending in says "did you mean" with the register's addresses
		const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
		const page = await plain.newPage();
		await login(page, 'utleigar10@example.no');
		await page.goto('/landlord/dwellings/new');
		await page.getByLabel('Gateadresse').fill('Skulvegen 14');
		await page.getByLabel('Postnummer').fill('5915');
		await page.getByLabel('Poststad').fill('Lid');
		await page.getByLabel('Tettstad eller bygd').fill('Lid');
		await page.getByLabel('Soverom').fill('2');
		await page.getByLabel('Senger', { exact: true }).fill('3');
		await page.getByLabel('Kor mange kan bu der?').fill('3');
		await page.getByLabel('Husleige per månad (kr)').fill('9000');
		await page.getByLabel('Ledig frå').fill('2027-03-01');
		await page.getByLabel('Eg stadfestar at bustaden har røykvarslar').check();
		await page.getByRole('button', { name: 'Send inn tilbodet' }).click();
		await expect(page.getByRole('alert')).toContainText('Fann ikkje adressa i adresseregisteret');
		await page.getByLabel('Skulevegen 14, 5915 Lid').check();
		await page.getByRole('button', { name: 'Send inn tilbodet' }).click();
		await expect(page.getByRole('status')).toHaveText('Tilbodet er sendt inn. Du får svar på e-post.');
		const id = page.url().split('/').pop()!.split('?')[0];
		const { data } = await serviceClient().from('dwellings').select('street, postcode, address_id, placed_by').eq('id', id).single();
		expect(data).toMatchObject({ street: 'Skulevegen 14', postcode: '5915', placed_by: 'register' });
		expect(data!.address_id).not.toBeNull();
		await plain.close();

		// with JavaScript: the register's addresses as one types; one picked fills the postcode and place
		const rich = await browser.newContext({ locale: 'nn-NO' });
		const typing = await rich.newPage();
		await login(typing, 'utleigar10@example.no');
		await typing.goto('/landlord/dwellings/new');
		await typing.getByLabel('Gateadresse').pressSequentially('Skulevegen 2');
		await expect(typing.locator('#street-suggestions option[value="Skulevegen 2, 5915"]')).toHaveCount(1);
		await typing.getByLabel('Gateadresse').fill('Skulevegen 2, 5915');
		await typing.getByLabel('Gateadresse').dispatchEvent('change');
		await expect(typing.getByLabel('Gateadresse')).toHaveValue('Skulevegen 2');
		await expect(typing.getByLabel('Postnummer')).toHaveValue('5915');
		await expect(typing.getByLabel('Poststad')).toHaveValue('Lid');
		await rich.close();
	});
});
