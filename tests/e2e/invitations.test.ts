import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { serviceClient } from '../helpers/clients';
import { seedId } from '../helpers/seed';
import { scaled } from '../helpers/time';

const DEMO_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8XlyFTGN2KUagpyTsr/qhA$U/qjBqhAsDvxZblW832g0gYcp49LZjyhOApgrvkiVHI';

/** a confirmed match of its own: a fresh household, a fresh approved dwelling in a place of its own */
async function confirmedMatch(locality: string, arrival: string) {
	const db = serviceClient();
	const landlord = seedId('user:landlord:3');
	const { data: dwelling, error: e1 } = await db
		.from('dwellings')
		.insert({
			landlord_id: landlord,
			status: 'submitted',
			street: 'Testvegen 3',
			postcode: '5914',
			place: 'Straumvik',
			locality,
			bedrooms: 3,
			beds: 5,
			max_occupants: 5,
			rent_nok: 9000,
			available_from: new Date().toISOString().slice(0, 10),
			fire_safety_confirmed: true
		})
		.select('id')
		.single();
	expect(e1).toBeNull();
	expect((await db.from('dwellings').update({ status: 'approved' }).eq('id', dwelling!.id)).error).toBeNull();
	const { data: household, error: e2 } = await db.rpc('create_household', {
		p_household: { imdi_reference: `E2E-INV-${Date.now()}`, category: 'resettlement', languages: ['ti'], expected_arrival: arrival },
		p_members: [{ age_band: 'adult' }, { age_band: 'adult' }]
	});
	expect(e2).toBeNull();
	const staff = seedId('user:staff');
	const { data: match, error: e3 } = await db.rpc('propose_match', {
		p_household: household!,
		p_dwelling: dwelling!.id,
		p_staff: staff,
		p_score: 80,
		p_reasons: []
	});
	expect(e3).toBeNull();
	expect((await db.rpc('answer_proposal', { p_match: match!, p_landlord: landlord, p_accept: true, p_reason: '' })).error).toBeNull();
	expect((await db.rpc('confirm_match', { p_match: match!, p_staff: staff })).error).toBeNull();
	return { householdId: household!, matchId: match! };
}

/** a volunteer who speaks the household's language, helps in that place and is free on every day */
async function fittingVolunteer(locality: string) {
	const db = serviceClient();
	const name = `Selam Frivillig ${randomUUID().slice(0, 4)}`;
	const email = `e2e-inv-${randomUUID().slice(0, 8)}@example.no`;
	const { data: user, error } = await db
		.from('users')
		.insert({ email, display_name: name, password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
		.select('id')
		.single();
	expect(error).toBeNull();
	await db.from('user_roles').insert({ user_id: user!.id, role: 'volunteer' });
	const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['morning', 'afternoon', 'evening']]));
	expect((await db.from('volunteer_profiles').insert({ user_id: user!.id, localities: [locality], availability: week })).error).toBeNull();
	expect((await db.from('volunteer_languages').insert({ user_id: user!.id, language: 'ti', level: 'native' })).error).toBeNull();
	return { id: user!.id, name, email };
}

test('staff create move-in tasks from a match, invite a suggested volunteer, who accepts from the mail without logging in', async ({
	browser
}) => {
	const locality = `Invbygd-${randomUUID().slice(0, 6)}`;
	const arrival = new Date(Date.now() + 40 * 24 * 3600_000).toISOString().slice(0, 10);
	const { householdId, matchId } = await confirmedMatch(locality, arrival);
	const volunteer = await fittingVolunteer(locality);

	const staff = await (await browser.newContext({ locale: 'nn-NO' })).newPage();
	await staff.goto('/login');
	await staff.getByLabel('E-postadresse').fill('sakshandsamar@fjordvik.kommune.no');
	await staff.getByLabel('Passord').fill('busett-demo-2026');
	await staff.getByRole('button', { name: 'Logg inn' }).click();
	await staff.waitForURL(/\/staff$/);

	await staff.goto(`/staff/households/${householdId}`);
	await staff.getByRole('button', { name: 'Lag oppdrag for innflyttinga' }).click();
	await expect(staff.getByRole('status')).toContainText('Oppdraga for innflyttinga er laga');
	const { data: moveIn } = await serviceClient().from('tasks').select('id').eq('match_id', matchId).eq('type', 'move_in').single();

	// the list is paged: the household's place of its own finds its tasks
	await staff.goto(`/staff/tasks?locality=${locality}`);
	await staff.locator(`a[href="/staff/tasks/${moveIn!.id}/volunteers"]`).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Føreslåtte frivillige: Hjelp til innflytting');
	// the best fit comes first, with the reasons in words
	const first = staff.locator('ol.volunteers > li').first();
	await expect(first).toContainText(volunteer.name);
	await expect(first).toContainText(`Hjelper til i ${locality}`);
	await expect(first).toContainText('Snakkar tigrinja');
	await staff.getByLabel(`Vel ${volunteer.name}`).check();
	await staff.getByRole('button', { name: 'Inviter dei valde' }).click();
	await expect(staff.getByRole('status')).toHaveText('Invitasjonar sende: 1.');
	await expect(staff.getByRole('row', { name: volunteer.name })).toContainText('Ventar på svar');

	// the volunteer reads the mail (at /dev/mail) and accepts, not logged in
	const mailbox = await (await browser.newContext({ locale: 'nn-NO' })).newPage();
	await expect(async () => {
		await mailbox.goto('/dev/mail');
		await expect(mailbox.getByText(volunteer.email)).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: scaled(30_000) });
	const mail = mailbox.locator('article', { hasText: volunteer.email });
	const accept = await mail.frameLocator('iframe').getByRole('link', { name: 'Ja, eg kan hjelpe' }).getAttribute('href');
	await mailbox.goto(new URL(accept!).pathname);
	await expect(mailbox.getByText('Hjelp til innflytting')).toBeVisible();
	await mailbox.getByRole('button', { name: 'Ja, meld meg på' }).click();
	await expect(mailbox.getByRole('status')).toContainText('Du er påmeld oppdraget');

	const { data: signup } = await serviceClient()
		.from('signups')
		.select('status')
		.eq('task_id', moveIn!.id)
		.eq('volunteer_id', volunteer.id)
		.single();
	expect(signup!.status).toBe('confirmed');
	await staff.reload();
	await expect(staff.getByRole('row', { name: volunteer.name })).toContainText('Sa ja: er med');
});
