// The forms with JavaScript switched off: each submits as a plain HTML form, a mistake comes
// back with the error summary at the top (focused, linking to the field), the message next
// to the field and what was typed kept; fixing it succeeds. (Offering a dwelling without
// JavaScript, with its error round-trip, is in dwellings.test.ts.)
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { proposalOf, waitingHousehold } from '../helpers/households';
import { inAnyLanguage } from '../helpers/messages';
import { DEMO_HASH } from '../helpers/tasks';

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

/** the GOV.UK pattern: a focused summary at the top whose link leads to the field in error */
async function expectSummary(page: Page, message: string | RegExp, fieldId?: string) {
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText(message);
	if (fieldId) {
		await expect(summary.getByRole('link', { name: message })).toHaveAttribute('href', `#${fieldId}`);
		await expect(page.locator(`#${fieldId}`)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator(`#${fieldId}`)).toHaveAttribute('aria-describedby', new RegExp(`${fieldId}-error`));
		await expect(page.locator(`#${fieldId}-error`)).toContainText(message);
	}
}

/** a verified volunteer with the demo password, made for this test alone */
async function newVolunteer(): Promise<{ id: string; email: string }> {
	const email = `nojs-${randomUUID().slice(0, 8)}@example.no`;
	const db = serviceClient();
	const { data, error } = await db
		.from('users')
		.insert({ email, display_name: 'Vera Utan Skript', password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
		.select('id')
		.single();
	if (error) throw error;
	const { error: roleError } = await db.from('user_roles').insert({ user_id: data.id, role: 'volunteer' });
	if (roleError) throw roleError;
	return { id: data.id, email };
}

test.describe('without JavaScript', () => {
	test("a volunteer's languages and skills: a row without a level is named, the fix stores the list, the form shows it again", async ({
		browser
	}) => {
		const page = await noJs(browser);
		const volunteer = await newVolunteer();
		await logIn(page, volunteer.email);
		await page.goto('/volunteer/profile');
		const language = page.getByLabel('Kva for språk');
		const level = page.getByLabel('Nivå');
		await language.nth(0).selectOption({ label: 'Ukrainsk' });
		await level.nth(0).selectOption('native');
		await language.nth(1).selectOption('en');
		await page.getByLabel('Førarkort').check();
		await page.getByLabel('Matlaging').check();
		await page.getByRole('button', { name: 'Lagre profilen' }).click();

		// the second row's level, named by its own field (languages[1].level), the rest kept
		const summary = page.locator('.error-summary');
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('link', { name: 'Vel nivå for kvart språk du har skrive.' })).toHaveAttribute(
			'href',
			'#languages[1].level'
		);
		await expect(page.locator('[id="languages[1].level"]')).toHaveAttribute('aria-invalid', 'true');
		await expect(language.nth(0)).toHaveValue('uk');
		await expect(language.nth(1)).toHaveValue('en');
		await expect(page.getByLabel('Førarkort')).toBeChecked();
		await expect(page.getByLabel('Matlaging')).toBeChecked();

		await level.nth(1).selectOption('fluent');
		await page.getByRole('button', { name: 'Lagre profilen' }).click();
		await expect(page.getByRole('status')).toHaveText('Profilen er lagra.');
		const { data } = await serviceClient()
			.from('volunteer_profiles')
			.select('skills, volunteer_languages(language, level)')
			.eq('user_id', volunteer.id)
			.single();
		expect([...data!.skills].sort()).toEqual(['cooking', 'driving_licence']);
		expect(data!.volunteer_languages).toEqual(
			expect.arrayContaining([
				{ language: 'uk', level: 'native' },
				{ language: 'en', level: 'fluent' }
			])
		);

		// and back into the edit form from the stored rows
		await page.goto('/volunteer/profile');
		const shownRows = await Promise.all([0, 1].map(async (i) => [await language.nth(i).inputValue(), await level.nth(i).inputValue()]));
		expect(shownRows).toEqual(
			expect.arrayContaining([
				['uk', 'native'],
				['en', 'fluent']
			])
		);
		await expect(language.nth(2)).toHaveValue('');
		await expect(page.getByLabel('Førarkort')).toBeChecked();
		await expect(page.getByLabel('Matlaging')).toBeChecked();
		await expect(page.getByLabel('Eigen bil')).not.toBeChecked();
		await page.context().close();
	});

	test('register: a mistake comes back with the summary and the typed values, the fix succeeds', async ({ browser }) => {
		const page = await noJs(browser);
		const email = `nojs-${randomUUID().slice(0, 8)}@example.no`;
		await page.goto('/register');
		await page.getByLabel('Vere frivillig').check();
		await page.getByLabel('Namnet ditt').fill('Ola Utan Skript');
		await page.getByLabel('E-postadresse').fill(email);
		await page.getByLabel('Passord').fill('kort');
		await page.getByRole('button', { name: 'Registrer meg' }).click();
		await expectSummary(page, 'Passordet må ha minst 10 teikn.', 'password');
		await expect(page.getByLabel('Namnet ditt')).toHaveValue('Ola Utan Skript');
		await expect(page.getByLabel('E-postadresse')).toHaveValue(email);

		await page.getByLabel('Passord').fill('eit langt og godt passord');
		await page.getByRole('button', { name: 'Registrer meg' }).click();
		await expect(page.getByRole('heading', { name: 'Sjekk e-posten din' })).toBeVisible();
		await page.context().close();
	});

	test('login: a wrong password is said at the top, the e-mail address kept; the right one logs in', async ({ browser }) => {
		const page = await noJs(browser);
		await page.goto('/login');
		await page.getByLabel('E-postadresse').fill('frivillig08@example.no');
		await page.getByLabel('Passord').fill('feil passord');
		await page.getByRole('button', { name: 'Logg inn' }).click();
		await expect(page.locator('.error-summary')).toBeFocused();
		await expect(page.getByLabel('E-postadresse')).toHaveValue('frivillig08@example.no');

		await page.getByLabel('Passord').fill('busett-demo-2026');
		await page.getByRole('button', { name: 'Logg inn' }).click();
		await expect(page).toHaveURL(/\/volunteer$/);
		await page.context().close();
	});

	test('a volunteer signs up for a task, and one at the same time is refused with the reason at the top', async ({ browser }) => {
		const start = new Date(Date.now() + (200 + Math.floor(Math.random() * 2000)) * 3600_000);
		const task = async (title: string, needed: number) => {
			const { data, error } = await serviceClient()
				.from('tasks')
				.insert({
					type: 'guide',
					title,
					starts_at: start.toISOString(),
					ends_at: new Date(start.getTime() + 3600_000).toISOString(),
					locality: 'Straumvik',
					volunteers_needed: needed
				})
				.select('id')
				.single();
			expect(error).toBeNull();
			return data!.id;
		};
		const open = await task(`Utan skript ${Date.now() % 100000}`, 2);
		const page = await noJs(browser);
		await logIn(page, 'frivillig11@example.no');
		await page.goto(`/volunteer/tasks/${open}`);
		await page.getByRole('button', { name: 'Meld meg på' }).click();
		await expect(page.getByRole('status')).toHaveText('Du er påmeld. Du får ein e-post med kalenderfil.');

		// a second task at the same time: the rules say no, the summary says why, nothing changes
		const clash = await task(`Same tid ${Date.now() % 100000}`, 2);
		await page.goto(`/volunteer/tasks/${clash}`);
		await page.getByRole('button', { name: /Meld meg på|Sett meg på ventelista/ }).click();
		await expect(page.locator('.error-summary')).toBeFocused();
		const { count } = await serviceClient().from('signups').select('*', { count: 'exact', head: true }).eq('task_id', clash);
		expect(count).toBe(0);
		await page.context().close();
	});

	test('staff edit a household: a reference another household has is named at its field, the fix is saved and shown', async ({
		browser
	}) => {
		const householdId = await waitingHousehold('NOJS-RETT');
		const taken = await waitingHousehold('NOJS-RETT');
		const db = serviceClient();
		const { data: other } = await db.from('households').select('imdi_reference').eq('id', taken).single();
		const staff = await noJs(browser);
		await logIn(staff, 'sakshandsamar@fjordvik.kommune.no');
		await staff.goto(`/staff/households/${householdId}`);
		await staff.getByRole('link', { name: 'Endre hushaldet' }).click();
		await expect(staff.getByRole('heading', { level: 1 })).toContainText('Endre hushaldet');
		await expect(staff.getByLabel('Vaksne')).toHaveValue('1');

		await staff.getByLabel('IMDi-referanse').fill(other!.imdi_reference);
		await staff.getByLabel('Vaksne').fill('2');
		await staff.getByLabel('Alderen til borna').fill('9, 4');
		await staff.getByLabel('Trinnfri tilkomst').check();
		await staff.getByRole('button', { name: 'Lagre endringane' }).click();
		await expectSummary(staff, 'Det finst alt eit hushald med denne IMDi-referansen.', 'imdi_reference');
		// what was typed is kept
		await expect(staff.getByLabel('Vaksne')).toHaveValue('2');
		await expect(staff.getByLabel('Alderen til borna')).toHaveValue('9, 4');
		await expect(staff.getByLabel('Trinnfri tilkomst')).toBeChecked();

		const reference = `NOJS-RETT-${randomUUID().slice(0, 8)}`;
		await staff.getByLabel('IMDi-referanse').fill(reference);
		await staff.getByRole('button', { name: 'Lagre endringane' }).click();
		await expect(staff).toHaveURL(new RegExp(`/staff/households/${householdId}\\?edited$`));
		await expect(staff.getByRole('status')).toHaveText('Endringane er lagra.');
		await expect(staff.getByRole('heading', { level: 1 })).toHaveText(reference);
		await expect(staff.getByRole('row', { name: /Personar i hushaldet/ })).toContainText('barn, 9 år');
		await expect(staff.getByRole('row', { name: /Behov/ })).toContainText('Trinnfri tilkomst');
		await staff.context().close();
	});

	test('staff propose a home, the landlord says yes, staff confirm the match', async ({ browser }) => {
		const householdId = await waitingHousehold('NOJS');
		const staff = await noJs(browser);
		await logIn(staff, 'sakshandsamar@fjordvik.kommune.no');
		await staff.goto(`/staff/households/${householdId}`);
		await staff.locator('.suggestions > li').first().getByRole('button', { name: 'Foreslå' }).click();
		await expect(staff.getByRole('status')).toHaveText('Bustaden er foreslått. Utleigaren får e-post.');

		const match = await proposalOf(householdId);
		// a home of the municipality's own needs no landlord's answer: staff confirm it at once
		const landlordEmail = match.landlordEmail;
		if (landlordEmail) {
			const landlord = await noJs(browser);
			await logIn(landlord, landlordEmail);
			await landlord.goto(`/landlord/proposals/${match.id}`);
			// the landlord's pages are in the language the landlord saved
			await landlord.getByRole('button', { name: new RegExp(`^(${inAnyLanguage('proposal_accept')})$`) }).click();
			await expect(landlord.getByRole('status')).toHaveText(new RegExp(inAnyLanguage('proposal_accepted')));
			await landlord.context().close();
		}

		await staff.goto(`/staff/households/${householdId}`);
		await staff.getByRole('button', { name: 'Stadfest koplinga' }).click();
		await expect(staff.getByRole('status')).toHaveText('Koplinga er stadfesta.');
		await staff.context().close();
	});
});
