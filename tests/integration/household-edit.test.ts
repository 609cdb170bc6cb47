// Staff put a household's record right (issue 17, item 1): every field of the registration
// form and its members, with the change in the audit log (before/after, who); a reference
// another household has is refused at its field with nothing stored; a cancelled household
// is not changed; and a change that no longer fits the home proposed for the household is
// said on its page, with the button that withdraws the proposal (and mails the landlord).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER } from '../helpers/dwellings';
import { waitingHousehold } from '../helpers/households';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
let staff: Client;
let staffId: string;
beforeAll(async () => {
	app = await startApp(appEnv());
	staff = new Client(app.url);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
	const { data } = await serviceClient().from('users').select('id').eq('email', 'sakshandsamar@fjordvik.kommune.no').single();
	staffId = data!.id;
});
afterAll(() => app?.stop());

const unique = () => randomUUID().slice(0, 8);

/** the edit form as a browser without JavaScript posts it (a checkbox left unticked is not sent) */
function formOf(fields: Partial<Record<string, string>> = {}): [string, string][] {
	const all: Record<string, string> = {
		imdi_reference: `RETT-${unique()}`,
		category: 'resettlement',
		adults: '1',
		elderly: '0',
		children_ages: '',
		languages: 'uk',
		preferred_localities: '',
		expected_arrival: '2027-06-01',
		contact_name: 'Testperson',
		contact_phone: '',
		staff_note: '',
		...fields
	};
	return Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined);
}

async function householdRow(id: string) {
	const { data, error } = await serviceClient().from('households').select('*, household_members(*)').eq('id', id).single();
	if (error) throw error;
	return data;
}

async function auditOf(id: string) {
	const { data, error } = await serviceClient().from('audit_log').select('*').eq('entity_id', id).order('id');
	if (error) throw error;
	return data;
}

describe('staff edit a household', () => {
	it('save every field and the members, each change in the audit log with before, after and who', async () => {
		const id = await waitingHousehold('RETT');
		const before = await householdRow(id);
		const [kept] = before.household_members;

		// the edit page is the form filled from the record, and opening it is logged as a read
		const page = await staff.get(`/staff/households/${id}/edit`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`value="${before.imdi_reference}"`);
		expect(html).toContain('Lagre endringane');
		const reads = (await auditOf(id)).filter((a) => a.action === 'read');
		expect(reads.at(-1)?.actor_id).toBe(staffId);

		const reference = `RETT-${unique()}`;
		const res = await staff.post(
			`/staff/households/${id}/edit`,
			formOf({
				imdi_reference: reference,
				category: 'ukrainian_collective_protection',
				adults: '2',
				elderly: '1',
				children_ages: '7, 12',
				languages: 'uk, ru',
				preferred_localities: 'Straumvik, Fjordvik sentrum',
				expected_arrival: '2027-08-15',
				contact_name: 'Olena Rett',
				contact_phone: '+47 900 12 345',
				staff_note: 'Retta etter samtale med IMDi.',
				needs_step_free: 'on',
				has_pets: 'on'
			})
		);
		expect(res.status).toBe(303);
		expect(location(res)).toBe(`/staff/households/${id}?edited`);
		expect(await (await staff.get(`/staff/households/${id}?edited`)).text()).toContain('Endringane er lagra.');

		const after = await householdRow(id);
		expect(after).toMatchObject({
			imdi_reference: reference,
			category: 'ukrainian_collective_protection',
			languages: ['uk', 'ru'],
			preferred_localities: ['Straumvik', 'Fjordvik sentrum'],
			expected_arrival: '2027-08-15',
			contact_name: 'Olena Rett',
			contact_phone: '+47 900 12 345',
			staff_note: 'Retta etter samtale med IMDi.',
			needs_step_free: true,
			has_pets: true,
			needs_ground_floor: false,
			status: 'expected'
		});
		const members = after.household_members.map((x) => `${x.age_band}:${x.age ?? ''}`).sort();
		expect(members).toEqual(['adult:', 'adult:', 'child:12', 'child:7', 'elderly:']);
		// the adult the record had stays as it was (its relation too); only the others came in
		expect(after.household_members.find((x) => x.id === kept.id)).toMatchObject({ relation: 'parent' });

		const log = (await auditOf(id)).filter((a) => a.action !== 'read');
		const change = log.find((a) => a.entity === 'household' && a.action === 'update');
		expect(change?.actor_id).toBe(staffId);
		expect(change?.before).toMatchObject({ imdi_reference: before.imdi_reference, category: 'resettlement', languages: ['uk'] });
		expect(change?.after).toMatchObject({
			imdi_reference: reference,
			category: 'ukrainian_collective_protection',
			languages: ['uk', 'ru']
		});
		const added = log.filter((a) => a.entity === 'household_member' && a.action === 'create' && a.actor_id === staffId);
		expect(added.map((a) => (a.after as { age_band: string }).age_band).sort()).toEqual(['adult', 'child', 'child', 'elderly']);

		// fewer members later: the ones gone are logged as removed, with what they were
		expect((await staff.post(`/staff/households/${id}/edit`, formOf({ imdi_reference: reference, adults: '2' }))).status).toBe(303);
		const removed = (await auditOf(id)).filter((a) => a.entity === 'household_member' && a.action === 'delete');
		expect(removed.map((a) => (a.before as { age_band: string }).age_band).sort()).toEqual(['child', 'child', 'elderly']);
		expect((await householdRow(id)).household_members).toHaveLength(2);
	});

	it('refuse a reference another household has, at its field, keeping what was typed and storing nothing', async () => {
		const id = await waitingHousehold('RETT');
		const other = await householdRow(await waitingHousehold('RETT'));
		const before = await householdRow(id);
		const changes = (await auditOf(id)).filter((a) => a.action !== 'read').length;

		const res = await staff.post(
			`/staff/households/${id}/edit`,
			formOf({ imdi_reference: other.imdi_reference, adults: '3', contact_name: 'Skriven inn' })
		);
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(html).toContain('id="imdi_reference-error"');
		expect(html).toMatch(/id="imdi_reference-error"[^>]*>[^<]*Det finst alt eit hushald med denne IMDi-referansen\./);
		expect(html).toContain('value="Skriven inn"');
		expect(html).toContain(`value="${other.imdi_reference}"`);

		const after = await householdRow(id);
		expect(after.imdi_reference).toBe(before.imdi_reference);
		expect(after.contact_name).toBe(before.contact_name);
		expect(after.household_members).toHaveLength(1);
		expect((await auditOf(id)).filter((a) => a.action !== 'read')).toHaveLength(changes);
	});

	it('show a mistake next to its field with what was typed kept, and store nothing', async () => {
		const id = await waitingHousehold('RETT');
		const before = await householdRow(id);
		const res = await staff.post(`/staff/households/${id}/edit`, formOf({ adults: '0', children_ages: '4, 30', contact_name: 'Ny' }));
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('id="children_ages-error"');
		expect(html).toContain('value="4, 30"');
		expect(html).toContain('value="Ny"');
		expect((await householdRow(id)).contact_name).toBe(before.contact_name);
	});

	it('refuse to change a cancelled household, and offer no form for it', async () => {
		const id = await waitingHousehold('RETT');
		expect((await staff.post(`/staff/households/${id}?/status`, { status: 'cancelled' })).status).toBe(303);
		expect(await (await staff.get(`/staff/households/${id}`)).text()).not.toContain(`/staff/households/${id}/edit`);
		const page = await (await staff.get(`/staff/households/${id}/edit`)).text();
		expect(page).toContain('Eit hushald som er avlyst eller anonymisert, kan ikkje endrast.');
		expect(page).not.toContain('Lagre endringane');

		const before = await householdRow(id);
		const res = await staff.post(`/staff/households/${id}/edit`, formOf({ contact_name: 'Etter avlysing' }));
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('Eit hushald som er avlyst eller anonymisert, kan ikkje endrast.');
		expect((await householdRow(id)).contact_name).toBe(before.contact_name);
	});

	it('say on the household’s page that a change no longer fits the home proposed, and withdraw the proposal from there', async () => {
		// a landlord's two-bed home, proposed for a household of one
		const email = `rett-${unique()}@example.no`;
		const { data: landlord, error } = await serviceClient()
			.from('users')
			.insert({
				email,
				display_name: 'Rut Rett',
				phone: '+47 900 33 444',
				password_hash: DEMO_HASH,
				email_verified_at: new Date().toISOString()
			})
			.select('id')
			.single();
		if (error) throw error;
		await serviceClient().from('user_roles').insert({ user_id: landlord.id, role: 'landlord' });
		const street = `Rettevegen ${unique()}`;
		const { data: offer, error: offerError } = await serviceClient()
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, beds: 2, max_occupants: 2, step_free: false, street, landlord_id: landlord.id, status: 'submitted' })
			.select('id')
			.single();
		if (offerError) throw offerError;
		await serviceClient().from('dwellings').update({ status: 'approved' }).eq('id', offer.id);
		const id = await waitingHousehold('RETT');
		const { data: match, error: proposeError } = await serviceClient().rpc('propose_match', {
			p_household: id,
			p_dwelling: offer.id,
			p_staff: staffId,
			p_score: 1,
			p_reasons: []
		});
		if (proposeError) throw proposeError;
		const reference = (await householdRow(id)).imdi_reference;

		// the edit page says the household has an open proposal
		expect(await (await staff.get(`/staff/households/${id}/edit`)).text()).toContain(
			`Hushaldet har eit ope forslag: ${street}, Straumvik.`
		);
		// while it fits, the household's page warns of nothing
		expect(await (await staff.get(`/staff/households/${id}`)).text()).not.toContain('proposal-no-longer-fits');

		// six persons and a need for step-free access: the two-bed home no longer fits
		expect(
			location(await staff.post(`/staff/households/${id}/edit`, formOf({ imdi_reference: reference, adults: '6', needs_step_free: 'on' })))
		).toBe(`/staff/households/${id}?edited`);
		const page = await (await staff.get(`/staff/households/${id}?edited`)).text();
		expect(page).toContain('Endringane er lagra.');
		const warning = page.split('id="proposal-no-longer-fits"')[1]?.split('</div>')[0] ?? '';
		expect(warning).toContain(`Bustaden som er foreslått, ${street}, Straumvik, passar ikkje lenger for hushaldet:`);
		expect(warning).toContain('for mange personar for sengene eller for kor mange som kan bu der');
		expect(warning).toContain('hushaldet treng trinnfri tilkomst');
		expect(warning).toContain('action="?/cancel"');
		expect(warning).toContain(`value="${match}"`);
		expect(warning).toContain('Trekk forslaget');

		// the proposal stands until staff withdraw it; withdrawing it mails the landlord
		const { data: open } = await serviceClient().from('matches').select('status').eq('id', match).single();
		expect(open!.status).toBe('proposed');
		expect(location(await staff.post(`/staff/households/${id}?/cancel`, { match_id: match }))).toBe(`/staff/households/${id}?cancelled`);
		const { data: withdrawn } = await serviceClient().from('matches').select('status').eq('id', match).single();
		expect(withdrawn!.status).toBe('cancelled');
		const { data: home } = await serviceClient().from('dwellings').select('status').eq('id', offer.id).single();
		expect(home!.status).toBe('approved');
		expect((await mailTo(email, /^Kommunen har trekt tilbake eit forslag$/)).text).toContain(`/landlord/proposals/${match}`);
		expect(await (await staff.get(`/staff/households/${id}?cancelled`)).text()).not.toContain('proposal-no-longer-fits');
	});
});
