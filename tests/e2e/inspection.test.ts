// Issue 20, item 2, in Chromium without JavaScript: staff record an inspection that fails an
// item, and the landlord gets the mail naming it, in the landlord's language.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { login, mails } from '../helpers/browser';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { seedId } from '../helpers/seed';
import { scaled } from '../helpers/time';

const IN_ORDER = ['Brannsløkkjar eller brannteppe', 'Rømmingsveg frå kvart soverom', 'Fukt og mugg', 'Oppvarming', 'Elektrisk anlegg'];

test('staff fail an inspection item without JavaScript, and the landlord gets the mail naming it', async ({ browser }) => {
	const street = `Synfaringsvegen ${Date.now() % 100000}`;
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street, landlord_id: seedId('user:landlord:1'), status: 'submitted' })
		.select('id')
		.single();
	expect(error).toBeNull();

	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
	const page = await context.newPage();
	await login(page, 'sakshandsamar@fjordvik.kommune.no');
	await page.goto(`/staff/dwellings/${data!.id}`);
	const note = `Ingen røykvarslar i andre etasje (${street})`;
	const smoke = page.getByRole('group', { name: 'Røykvarslar i kvar etasje' });
	await smoke.getByLabel('Ikkje i orden', { exact: true }).check();
	await smoke.getByLabel('Kva som må rettast').fill(note);
	for (const item of IN_ORDER) await page.getByRole('group', { name: item }).getByLabel('I orden', { exact: true }).check();
	for (const item of ['Trinnfri tilkomst som oppgitt', 'Møblar som oppgitt'])
		await page.getByRole('group', { name: item }).getByLabel('Gjeld ikkje', { exact: true }).check();
	await page.getByRole('button', { name: 'Lagre synfaringa' }).click();
	await expect(page.getByRole('status')).toHaveText(/tilbodet er sendt tilbake til utleigaren/);
	await expect(page.getByText('Ikkje bestått')).toBeVisible();
	await context.close();

	// the page with the failed visit listed, checked by axe (which needs scripts to run)
	const scripted = await browser.newContext({ locale: 'nn-NO' });
	const seen = await scripted.newPage();
	await login(seen, 'sakshandsamar@fjordvik.kommune.no');
	await seen.goto(`/staff/dwellings/${data!.id}`);
	await expect(seen.getByText(note)).toBeVisible();
	expect((await new AxeBuilder({ page: seen }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);
	await scripted.close();

	await expect(async () => {
		const sent = (await mails('utleigar@example.no')).filter((m) => m.subject === 'Vi treng litt meir om bustaden din');
		expect(sent.some((m) => m.text.includes(`Røykvarslar i kvar etasje: ${note}`))).toBe(true);
	}).toPass({ timeout: scaled(30_000) });
});
