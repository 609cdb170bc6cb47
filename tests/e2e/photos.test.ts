// Issue 20, item 1, in Chromium: a landlord adds three photos to an offer and puts the third
// first with the keyboard alone; with JavaScript each file goes on its own with its progress;
// the page passes axe with the photos on it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { login } from '../helpers/browser';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { seedId } from '../helpers/seed';

const png = (hue: number) =>
	sharp({ create: { width: 900, height: 600, channels: 3, background: `hsl(${hue}, 50%, 50%)` } })
		.png()
		.toBuffer();

test('a landlord adds three photos and puts the last first with the keyboard', async ({ page }) => {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street: `Fotovegen ${Date.now() % 100000}`, landlord_id: seedId('user:landlord:1'), status: 'draft' })
		.select('id')
		.single();
	expect(error).toBeNull();
	await login(page, 'utleigar@example.no');
	await page.goto(`/landlord/dwellings/${data!.id}`);
	await page.getByLabel('Legg til bilete').setInputFiles([
		{ name: 'stova.png', mimeType: 'image/png', buffer: await png(10) },
		{ name: 'kjokken.png', mimeType: 'image/png', buffer: await png(120) },
		{ name: 'bad.png', mimeType: 'image/png', buffer: await png(240) }
	]);
	await page.getByRole('button', { name: 'Last opp' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Bileta er lagde til.');
	await expect(page.getByRole('img', { name: /^Bilete \d av bustaden$/ })).toHaveCount(3);
	const order = async () =>
		(await serviceClient().from('dwelling_photos').select('id').eq('dwelling_id', data!.id).order('position')).data!.map((p) => p.id);
	const [first, second, third] = await order();

	// the third photo two places earlier, by keyboard
	for (const n of [3, 2]) {
		await page.getByRole('button', { name: `Flytt fram: bilete ${n}` }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Biletet er flytt.');
	}
	expect(await order()).toEqual([third, first, second]);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations).toEqual([]);
});

test('with JavaScript each file is sent on its own with its progress, and a refused one is named', async ({ page }) => {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({
			...COMPLETE_OFFER,
			street: `Framdriftsvegen ${Date.now() % 100000}`,
			landlord_id: seedId('user:landlord:1'),
			status: 'draft'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	await login(page, 'utleigar@example.no');
	await page.goto(`/landlord/dwellings/${data!.id}`);
	const posts: string[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && r.url().includes('/photo_add')) posts.push(r.url());
	});
	await page.getByLabel('Legg til bilete').setInputFiles([
		{ name: 'stova.png', mimeType: 'image/png', buffer: await png(60) },
		{ name: 'arkiv.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04 not a picture') }
	]);
	await page.getByRole('button', { name: 'Last opp' }).click();
	// each file's bar full and its outcome beside it; the refused one named under the field
	await expect(page.getByRole('progressbar', { name: 'stova.png' })).toHaveJSProperty('position', 1);
	await expect(page.getByRole('progressbar', { name: 'arkiv.zip' })).toHaveJSProperty('position', 1);
	await expect(page.getByRole('listitem').filter({ hasText: 'stova.png' }).filter({ hasText: 'lagt til' }).first()).toBeVisible();
	await expect(page.locator('#photos-error')).toHaveText('arkiv.zip: fila er ikkje eit bilete (JPEG, PNG, WebP eller HEIC).');
	await expect(page.getByRole('img', { name: /^Bilete \d av bustaden$/ })).toHaveCount(1);
	expect(posts).toHaveLength(2);
	const { count } = await serviceClient().from('dwelling_photos').select('id', { count: 'exact', head: true }).eq('dwelling_id', data!.id);
	expect(count).toBe(1);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations).toEqual([]);
});
