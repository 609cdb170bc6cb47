// The main flows with the keyboard alone: Tab and Shift+Tab to move, typing, Space to tick,
// Enter to follow a link or press a button. No clicks, so a control that cannot be reached
// or used from the keyboard fails here.
import { expect, test, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { proposalOf, waitingHousehold } from '../helpers/households';
import { escapeRegExp as escape, inAnyLanguage } from '../helpers/messages';

/** the accessible name of the focused element, roughly as a screen reader would say it */
const focusedName = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return '';
		const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
		return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
	});

/** Tab (or Shift+Tab) until the focused control's name matches; fails if it is never reached */
async function tabTo(page: Page, name: RegExp | string, { back = false, max = 120 } = {}) {
	const wanted = typeof name === 'string' ? new RegExp(`^${escape(name)}$`) : name;
	const seen: string[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		const now = await focusedName(page);
		if (wanted.test(now)) return;
		seen.push(now);
	}
	throw new Error(`never reached ${wanted} with the keyboard; passed: ${seen.slice(0, 40).join(' | ')}`);
}

async function type(page: Page, field: RegExp | string, text: string) {
	await tabTo(page, field);
	await page.keyboard.type(text);
}

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await type(page, 'E-postadresse', email);
	await type(page, 'Passord', 'busett-demo-2026');
	await page.keyboard.press('Enter');
}

test.describe('keyboard only', () => {
	test('a landlord offers a dwelling', async ({ page }) => {
		const street = `Tastaturvegen ${Date.now() % 100000}`;
		await logIn(page, 'utleigar09@example.no');
		await expect(page).toHaveURL(/\/landlord$/);
		await tabTo(page, /^Tilby ein bustad/);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/landlord\/dwellings\/new$/);

		await type(page, 'Gateadresse', street);
		await type(page, 'Postnummer', '5916');
		await type(page, 'Poststad', 'Nesheim');
		await type(page, /^Tettstad eller bygd/, 'Nesheim');
		await type(page, 'Soverom', '2');
		await type(page, 'Senger', '3');
		await type(page, 'Kor mange kan bu der?', '3');
		await type(page, 'Husleige per månad (kr)', '9500');
		await tabTo(page, 'Trinnfri tilkomst (utan trapper)');
		await page.keyboard.press('Space');
		// day and month alike: the date field's order of parts follows the browser's language
		await type(page, 'Ledig frå', '02022027');
		await tabTo(page, /^Eg stadfestar at bustaden har røykvarslar/);
		await page.keyboard.press('Space');
		await tabTo(page, 'Send inn tilbodet');
		await page.keyboard.press('Enter');
		// a street the address register does not have: "did you mean", answered "as typed" (the
		// group's last choice: into the group with Tab, round to its last with the arrow up, and
		// Space to choose it, as the arrow does not when it is the group's only choice)
		await expect(page.getByRole('group', { name: 'Meinte du ei av desse adressene?' })).toBeVisible();
		for (
			let i = 0;
			i < 120 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== 'address_choice';
			i++
		)
			await page.keyboard.press('Tab');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Space');
		expect(await focusedName(page)).toMatch(/^Nei, adressa er rett slik eg skreiv ho/);
		await expect(page.getByRole('radio', { name: /^Nei, adressa er rett slik eg skreiv ho/ })).toBeChecked();
		await tabTo(page, 'Send inn tilbodet');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Tilbodet er sendt inn. Du får svar på e-post.');

		const { data } = await serviceClient().from('dwellings').select('status, step_free, available_from').eq('street', street).single();
		expect(data).toEqual({ status: 'submitted', step_free: true, available_from: '2027-02-02' });
	});

	test('a volunteer signs up for a task', async ({ page }) => {
		// a time of its own, so no earlier sign-up of the same volunteer overlaps it
		const start = new Date(Date.now() + (200 + Math.floor(Math.random() * 2000)) * 3600_000);
		const title = `Tastaturkafé ${Date.now() % 100000}`;
		const locality = `Tastaturvik-${Date.now() % 100000}`;
		const { data: task } = await serviceClient()
			.from('tasks')
			.insert({
				type: 'language_practice',
				title,
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + 2 * 3600_000).toISOString(),
				locality,
				volunteers_needed: 2
			})
			.select('id')
			.single();

		await logIn(page, 'frivillig07@example.no');
		await expect(page).toHaveURL(/\/volunteer$/);
		// the list is paged, soonest first: the task's place of its own is a filter in the URL
		await page.goto(`/volunteer?locality=${locality}`);
		await tabTo(page, new RegExp(`^${title}`));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/volunteer/tasks/${task!.id}$`));
		await tabTo(page, 'Meld meg på');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Du er påmeld. Du får ein e-post med kalenderfil.');
		const { data: signup } = await serviceClient().from('signups').select('status').eq('task_id', task!.id).single();
		expect(signup!.status).toBe('confirmed');
	});

	test('staff propose a home for a household, the landlord says yes, staff confirm the match', async ({ page, browser }) => {
		const householdId = await waitingHousehold('KEYBOARD');
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');
		await expect(page).toHaveURL(/\/staff$/);
		await page.goto(`/staff/households/${householdId}`);
		await tabTo(page, 'Foreslå');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Bustaden er foreslått. Utleigaren får e-post.');

		const match = await proposalOf(householdId);
		// a home of the municipality's own needs no landlord's answer: staff confirm it at once
		const landlordEmail = match.landlordEmail;
		if (landlordEmail) {
			const landlord = await (await browser.newContext({ locale: 'nn-NO' })).newPage();
			await logIn(landlord, landlordEmail);
			await expect(landlord).toHaveURL(/\/landlord$/);
			await landlord.goto(`/landlord/proposals/${match.id}`);
			await tabTo(landlord, new RegExp(`^(${inAnyLanguage('proposal_accept')})$`));
			await landlord.keyboard.press('Enter');
			await expect(landlord.getByRole('status')).toHaveText(new RegExp(inAnyLanguage('proposal_accepted')));
			await landlord.context().close();
		}

		await page.reload();
		await tabTo(page, 'Stadfest koplinga');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Koplinga er stadfesta.');
	});
});
