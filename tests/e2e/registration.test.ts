// From "Offer a home" / "Become a volunteer" to registration with the role chosen, and from
// the verification mail (read from the stack's SMTP sink) back in: opened in the browser
// that registered, the link logs the newcomer in where they were going; opened in any other
// browser, it verifies the address and logs no one in. `next` stays on this site.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { scaled } from '../helpers/time';

const PASSWORD = 'ein lang og god frase ved fjorden';

async function verifyLink(email: string): Promise<string> {
	let link = '';
	await expect(async () => {
		const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(email)}`);
		const [mail] = (await res.json()) as { text: string }[];
		link = mail?.text.match(/https?:\/\/\S+(\/verify\/[a-z0-9.]+)/)?.[1] ?? '';
		expect(link).not.toBe('');
	}).toPass({ timeout: scaled(30_000) });
	return link;
}

/** the rest of the registration form, after the role (chosen by the link) */
async function register(page: Page, email: string) {
	await page.getByLabel('Namnet ditt').fill('Nora Nykomar');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Registrer meg' }).click();
	await expect(page.getByRole('heading', { name: 'Sjekk e-posten din' })).toBeVisible();
}

async function verifyIn(context: BrowserContext, email: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(await verifyLink(email));
	await page.getByRole('button', { name: 'Stadfest' }).click();
	return page;
}

const verifiedAt = async (email: string) =>
	(await serviceClient().from('users').select('email_verified_at').eq('email', email).single()).data?.email_verified_at ?? null;

const noJs = (browser: Browser) => browser.newContext({ javaScriptEnabled: false, locale: 'nn-NO' });
const newEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.no`;

test.describe('registering from the landing page', () => {
	test('"Offer a home" registers a landlord; the link opened in the same browser logs them in on the new offer, without JavaScript', async ({
		browser
	}) => {
		const context = await noJs(browser);
		const page = await context.newPage();
		const email = newEmail('tilbod');
		await page.goto('/');
		await page.getByRole('link', { name: 'Tilby ein bustad' }).click();
		await expect(page).toHaveURL(/\/register\?role=landlord&next=%2Flandlord%2Fdwellings%2Fnew$/);
		await expect(page.getByLabel('Leige ut ein bustad')).toBeChecked();
		// those who already have an account log in and go on to the same place
		await expect(page.getByRole('main').getByRole('link', { name: 'Logg inn' })).toHaveAttribute(
			'href',
			'/login?redirectTo=%2Flandlord%2Fdwellings%2Fnew'
		);
		await register(page, email);

		const verified = await verifyIn(context, email);
		await expect(verified).toHaveURL(/\/landlord\/dwellings\/new$/);
		await expect(verified.getByRole('heading', { level: 1 })).toHaveText('Tilby ein bustad');
		await expect(verified.getByRole('button', { name: 'Logg ut' })).toBeVisible();
		expect(await verifiedAt(email)).not.toBeNull();
		await context.close();
	});

	test('"Become a volunteer": the link opened in another browser verifies the address and logs no one in', async ({ browser }) => {
		const registering = await browser.newContext({ locale: 'nn-NO' });
		const page = await registering.newPage();
		const email = newEmail('frivillig');
		await page.goto('/');
		await page.getByRole('link', { name: 'Bli frivillig' }).click();
		await expect(page.getByLabel('Vere frivillig')).toBeChecked();
		await register(page, email);

		const elsewhere = await browser.newContext({ locale: 'nn-NO' });
		const opened = await verifyIn(elsewhere, email);
		await expect(opened).toHaveURL(/\/login\?verified$/);
		await expect(opened.getByText('E-postadressa er stadfesta. Du kan logge inn no.')).toBeVisible();
		expect(await verifiedAt(email)).not.toBeNull();
		await opened.goto('/volunteer');
		await expect(opened).toHaveURL(/\/login\?redirectTo=%2Fvolunteer/);
		// and the browser that registered is not logged in either: the link was used elsewhere
		await page.goto('/volunteer');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fvolunteer/);
		await registering.close();
		await elsewhere.close();
	});

	test("a browser bound to its own registration is not logged in by someone else's link", async ({ browser }) => {
		const mine = await noJs(browser);
		const page = await mine.newPage();
		await page.goto('/register?role=volunteer');
		await register(page, newEmail('min'));
		// another newcomer's link, opened here (a link sent to this browser's owner to click)
		const theirs = await noJs(browser);
		const other = newEmail('andre');
		const theirPage = await theirs.newPage();
		await theirPage.goto('/register?role=volunteer');
		await register(theirPage, other);

		const opened = await verifyIn(mine, other);
		await expect(opened).toHaveURL(/\/login\?verified$/);
		await opened.goto('/volunteer');
		await expect(opened).toHaveURL(/\/login\?redirectTo=%2Fvolunteer/);
		await mine.close();
		await theirs.close();
	});

	test('a next that leaves the site is ignored: the newcomer lands on their start page', async ({ browser }) => {
		const context = await noJs(browser);
		const page = await context.newPage();
		const email = newEmail('vidare');
		await page.goto('/register?role=landlord&next=https%3A%2F%2Fevil.example%2Fphish');
		await expect(page.locator('input[name="next"]')).toHaveValue('');
		await expect(page.getByRole('main').getByRole('link', { name: 'Logg inn' })).toHaveAttribute('href', '/login');
		await register(page, email);

		const verified = await verifyIn(context, email);
		await expect(verified).toHaveURL(/\/landlord$/);
		await expect(verified.getByRole('heading', { level: 1 })).toHaveText('Bustadene mine');
		await context.close();
	});

	test('a next of //evil.example posted with the form is ignored too', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'nn-NO' });
		const page = await context.newPage();
		const email = newEmail('skraatt');
		await page.goto('/register?role=volunteer');
		await page.locator('input[name="next"]').evaluate((el) => ((el as HTMLInputElement).value = '//evil.example/'));
		await register(page, email);
		const verified = await verifyIn(context, email);
		await expect(verified).toHaveURL(/\/volunteer$/);
		await context.close();
	});
});
