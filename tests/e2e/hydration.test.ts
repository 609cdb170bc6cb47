// What a person types before the page's JavaScript has arrived must survive the page
// hydrating. Each test holds the app's modules back (route interception), types into
// fields that start with a stored value while the page is still plain HTML, lets the
// modules through, waits until the app has started, and then saves: the stored row must
// hold what was typed. (DOMContentLoaded waits for module scripts, so the tests type as
// soon as the field exists and check that the page has not hydrated yet while they do.)
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { passedInspection } from '../helpers/dwellings';
import { DEMO_HASH, task } from '../helpers/tasks';

/** open a page with the app's JavaScript held back; the returned function lets it through and waits for the app */
async function openBeforeScripts(page: Page, path: string): Promise<() => Promise<void>> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.+\.js(\?.*)?$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	return async () => {
		// still plain HTML while the test typed: otherwise this test could not fail
		expect(await page.evaluate(() => history.scrollRestoration)).toBe('auto');
		release();
		// SvelteKit's router takes over scroll restoration once the page has hydrated
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
	};
}

async function logIn(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** a verified person with the demo password and one role, made for this test alone */
async function person(role: 'landlord' | 'volunteer'): Promise<{ id: string; email: string }> {
	const email = `hyd-${randomUUID().slice(0, 8)}@example.no`;
	const db = serviceClient();
	const { data, error } = await db
		.from('users')
		.insert({ email, display_name: 'Test Person', password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
		.select('id')
		.single();
	if (error) throw error;
	const { error: roleError } = await db.from('user_roles').insert({ user_id: data.id, role });
	if (roleError) throw roleError;
	return { id: data.id, email };
}

async function dwelling(landlordId: string | null, status: 'draft' | 'submitted'): Promise<string> {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({
			landlord_id: landlordId,
			status,
			street: `Hydreringsvegen ${Date.now() % 10000}`,
			postcode: '5914',
			place: 'Isdalstø',
			locality: 'Isdalstø',
			bedrooms: 2,
			beds: 3,
			max_occupants: 3,
			rent_nok: 9000,
			furnished: 'no',
			pets_allowed: true,
			bus_departures_per_weekday: 6,
			available_from: '2027-03-01',
			description: 'Gamal tekst',
			fire_safety_confirmed: true,
			inspection_date: '2027-01-10',
			staff_note: 'Gamalt notat'
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

test.describe('typing before the page has hydrated', () => {
	test('the offer form keeps a changed rent, furnishing, checkboxes, bus choice and description', async ({ page }) => {
		const landlord = await person('landlord');
		const id = await dwelling(landlord.id, 'draft');
		await logIn(page, landlord.email);

		const hydrate = await openBeforeScripts(page, `/landlord/dwellings/${id}`);
		await page.getByLabel('Husleige per månad (kr)').fill('9500');
		await page.getByLabel('Delvis').check();
		await page.getByLabel('Trinnfri tilkomst (utan trapper)').check();
		await page.getByLabel('Det er lov å ha dyr').uncheck();
		await page.getByLabel('Kor mange bussar går på ein vanleg kvardag?').selectOption('12');
		await page.getByLabel('Fortel kort om bustaden').fill('Ny tekst');
		await hydrate();

		await expect(page.getByLabel('Husleige per månad (kr)')).toHaveValue('9500');
		await expect(page.getByLabel('Delvis')).toBeChecked();
		await page.getByRole('button', { name: 'Lagre utkast' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		const { data } = await serviceClient()
			.from('dwellings')
			.select('rent_nok, furnished, step_free, pets_allowed, bus_departures_per_weekday, description')
			.eq('id', id)
			.single();
		expect(data).toEqual({
			rent_nok: 9500,
			furnished: 'partly',
			step_free: true,
			pets_allowed: false,
			bus_departures_per_weekday: 12,
			description: 'Ny tekst'
		});
	});

	test('the household form keeps the changed numbers of adults and elderly', async ({ page }) => {
		const reference = `HYD-${randomUUID().slice(0, 8)}`;
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');

		const hydrate = await openBeforeScripts(page, '/staff/households/new');
		await page.getByLabel('IMDi-referanse').fill(reference);
		await page.getByLabel('Overføringsflyktning').check();
		// both start with a value (1 and 0): the family of four must not become three
		await page.getByLabel('Vaksne', { exact: true }).fill('2');
		await page.getByLabel('Eldre', { exact: true }).fill('1');
		await page.getByLabel('Notat (berre for tilsette)').fill('Skrive før sida var klar');
		await hydrate();

		await expect(page.getByLabel('Vaksne', { exact: true })).toHaveValue('2');
		await page.getByRole('button', { name: 'Registrer hushaldet' }).click();
		await expect(page).toHaveURL(/\/staff\/households\/[0-9a-f-]{36}/);
		const { data } = await serviceClient()
			.from('households')
			.select('staff_note, household_members(age_band)')
			.eq('imdi_reference', reference)
			.single();
		const bands = data!.household_members.map((x) => x.age_band);
		expect(bands.filter((b) => b === 'adult')).toHaveLength(2);
		expect(bands.filter((b) => b === 'elderly')).toHaveLength(1);
		expect(data!.staff_note).toBe('Skrive før sida var klar');
	});

	test("the volunteer's profile keeps a changed phone number, language, level and checkboxes", async ({ page }) => {
		const volunteer = await person('volunteer');
		const db = serviceClient();
		const { error } = await db.rpc('save_volunteer_profile', {
			p_user: volunteer.id,
			p_profile: {
				phone: '+47 900 00 001',
				localities: ['Lid'],
				max_tasks_per_month: 4,
				dates_away: '',
				skills: ['cooking'],
				availability: { mon: ['morning'] }
			},
			p_languages: [{ language: 'en', level: 'fluent', interpreting: false }]
		});
		if (error) throw error;
		await logIn(page, volunteer.email);

		const hydrate = await openBeforeScripts(page, '/volunteer/profile');
		await page.getByLabel('Telefon').fill('+47 900 00 002');
		await page.getByLabel('Kva for språk').first().selectOption('uk');
		await page.getByLabel('Nivå').first().selectOption('native');
		await page.getByLabel('Matlaging').uncheck();
		await page.getByLabel('Måndag Formiddag').uncheck();
		await page.getByLabel('Kor mange oppdrag', { exact: false }).fill('2');
		await hydrate();

		await page.getByRole('button', { name: 'Lagre profilen' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		const { data } = await db
			.from('volunteer_profiles')
			.select('phone, skills, availability, max_tasks_per_month, volunteer_languages(language, level)')
			.eq('user_id', volunteer.id)
			.single();
		expect(data).toMatchObject({
			phone: '+47 900 00 002',
			skills: [],
			availability: {},
			max_tasks_per_month: 2,
			volunteer_languages: [{ language: 'uk', level: 'native' }]
		});
	});

	test("staff's review keeps a changed note, inspection date and district", async ({ page }) => {
		const id = await dwelling(null, 'submitted');
		// approval needs a passed inspection (issue 20)
		await passedInspection(id);
		const { data: district } = await serviceClient().from('districts').select('id, name').order('name').limit(1).single();
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');

		const hydrate = await openBeforeScripts(page, `/staff/dwellings/${id}`);
		await page.getByLabel('Godkjenn').check();
		await page.getByLabel('Skulekrins').selectOption(district!.id);
		await page.getByLabel('Dato for synfaring', { exact: true }).fill('2027-01-20');
		await page.getByLabel('Notat (berre for tilsette)').fill('Nytt notat');
		await hydrate();

		await page.getByRole('button', { name: 'Lagre avgjerd' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		const { data } = await serviceClient()
			.from('dwellings')
			.select('status, district_id, inspection_date, staff_note')
			.eq('id', id)
			.single();
		expect(data).toEqual({ status: 'approved', district_id: district!.id, inspection_date: '2027-01-20', staff_note: 'Nytt notat' });
	});

	test('the task form keeps a changed title, number of volunteers, description and skill', async ({ page }) => {
		const id = await task({ volunteers_needed: 2, description: 'Gamal skildring', needed_skills: ['own_car'] });
		await logIn(page, 'sakshandsamar@fjordvik.kommune.no');

		const hydrate = await openBeforeScripts(page, `/staff/tasks/${id}`);
		await page.getByLabel('Tittel').fill('Ny tittel');
		await page.getByLabel('Kor mange frivillige trengst?').fill('3');
		await page.getByLabel('Om oppdraget').fill('Ny skildring');
		await page.getByLabel('Eigen bil').uncheck();
		await hydrate();

		await page.getByRole('button', { name: 'Lagre endringane' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		const { data } = await serviceClient()
			.from('tasks')
			.select('title, volunteers_needed, description, needed_skills')
			.eq('id', id)
			.single();
		expect(data).toEqual({ title: 'Ny tittel', volunteers_needed: 3, description: 'Ny skildring', needed_skills: [] });
	});
});
