import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { COMPLETE_OFFER, letDwelling } from '../helpers/dwellings';
import { livingIn } from '../helpers/households';
import { seedId } from '../helpers/seed';

// the category names as the Nynorsk screen shows them
const nn = JSON.parse(readFileSync(join(import.meta.dirname, '../../messages/nn.json'), 'utf8')) as Record<string, string>;

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

async function staff() {
	const client = new Client(app.url);
	await client.login('sakshandsamar@fjordvik.kommune.no');
	return client;
}

async function newHousehold(reference: string, extra: Record<string, string> = {}) {
	const res = await (
		await staff()
	).post('/staff/households/new', {
		imdi_reference: reference,
		category: 'resettlement',
		adults: '2',
		elderly: '0',
		children_ages: '7',
		languages: 'ar',
		expected_arrival: '2027-06-01',
		contact_name: 'Amina Testfamilie',
		contact_phone: '+47 911 22 333',
		...extra
	});
	expect(res.status).toBe(303);
	return location(res)!.split('/').pop()!.split('?')[0];
}

describe('proposals', () => {
	it('lets exactly one of two concurrent proposals of one dwelling through', async () => {
		const dwelling = seedId('dwelling:13');
		const [a, b] = await Promise.all([newHousehold(`RACE-A-${Date.now()}`), newHousehold(`RACE-B-${Date.now()}`)]);
		const db = serviceClient();
		const results = await Promise.all(
			[a, b].map((household) =>
				db.rpc('propose_match', {
					p_household: household,
					p_dwelling: dwelling,
					p_staff: seedId('user:staff'),
					p_score: 50,
					p_reasons: []
				})
			)
		);
		expect(results.filter((r) => r.error === null)).toHaveLength(1);
		const failed = results.find((r) => r.error !== null)!;
		expect(['23505', 'P0001']).toContain(failed.error!.code);
		const { count } = await db
			.from('matches')
			.select('*', { count: 'exact', head: true })
			.eq('dwelling_id', dwelling)
			.eq('status', 'proposed');
		expect(count).toBe(1);
	});

	it('gives the second of two staff clicking at once a clear message', async () => {
		const dwelling = seedId('dwelling:14');
		const [a, b] = await Promise.all([newHousehold(`CLICK-A-${Date.now()}`), newHousehold(`CLICK-B-${Date.now()}`)]);
		const [s1, s2] = await Promise.all([staff(), staff()]);
		const responses = await Promise.all([
			s1.post(`/staff/households/${a}?/propose`, { dwelling_id: dwelling }),
			s2.post(`/staff/households/${b}?/propose`, { dwelling_id: dwelling })
		]);
		expect(responses.map((r) => r.status).sort()).toEqual([303, 409]);
		const refused = responses.find((r) => r.status === 409)!;
		expect(await refused.text()).toMatch(/har alt eit ope forslag|er ikkje ledig for forslag lenger/);
	});

	it('runs the whole way: suggest, propose, the landlord accepts, staff confirm; places and mails follow', async () => {
		const reference = `FLOW-${Date.now()}`;
		const household = await newHousehold(reference);
		const s = await staff();
		const page = await (await s.get(`/staff/households/${household}`)).text();
		expect(page).toContain('Bustader som passar');
		expect(page).toMatch(/Skule og barnehage: \d av 1 barn får plass/);

		// pick the first suggestion
		const dwelling = page.match(/name="dwelling_id" value="([0-9a-f-]{36})"/)![1];
		expect(location(await s.post(`/staff/households/${household}?/propose`, { dwelling_id: dwelling }))).toBe(
			`/staff/households/${household}?proposed`
		);
		const { data: d } = await serviceClient().from('dwellings').select('status, landlord_id, district_id').eq('id', dwelling).single();
		expect(d!.status).toBe('proposed');
		const { data: landlordUser } = await serviceClient().from('users').select('email').eq('id', d!.landlord_id!).single();
		const proposalMail = await mailTo(landlordUser!.email, /(Ein familie kan passe|A family may suit)/);
		const proposalPath = proposalMail.text.match(/\/landlord\/proposals\/[0-9a-f-]{36}/)![0];

		const landlord = new Client(app.url);
		await landlord.login(landlordUser!.email);
		expect(location(await landlord.post(`${proposalPath}?/accept`))).toBe(`${proposalPath}?accepted`);
		// the mail names the household and leads to its page, where the confirm button is
		const yes = await mailTo('sakshandsamar@fjordvik.kommune.no', /Utleigar sa ja/, reference);
		expect(yes.text).toContain(`/staff/households/${household}`);
		expect(yes.text).not.toContain('/staff/dwellings/');
		expect(await (await s.get(`/staff/households/${household}`)).text()).toMatch(/<button[^>]*>Stadfest koplinga<\/button>/);

		const { data: before } = await serviceClient().from('districts').select('primary_school_places').eq('id', d!.district_id!).single();
		const matchId = proposalPath.split('/').pop()!;
		expect(location(await s.post(`/staff/households/${household}?/confirm`, { match_id: matchId }))).toBe(
			`/staff/households/${household}?confirmed`
		);
		const { data: after } = await serviceClient().from('districts').select('primary_school_places').eq('id', d!.district_id!).single();
		expect(after!.primary_school_places).toBe(Math.max(0, before!.primary_school_places - 1));
		expect((await serviceClient().from('dwellings').select('status').eq('id', dwelling).single()).data!.status).toBe('let');
		expect((await serviceClient().from('households').select('status').eq('id', household).single()).data!.status).toBe('matched');
		const confirmed = await mailTo(landlordUser!.email, /(Koplinga er stadfesta|The match is confirmed)/);
		expect(confirmed.text).toContain('Amina Testfamilie');
		// now, and only now, the landlord sees the contact person
		expect(await (await landlord.get(proposalPath)).text()).toContain('Amina Testfamilie');

		// one click makes the usual move-in tasks, with the household's language; twice makes nothing more
		for (let i = 0; i < 2; i++)
			expect(location(await s.post(`/staff/households/${household}?/tasks`, { match_id: matchId }))).toBe(
				`/staff/households/${household}?tasks`
			);
		const { data: tasks } = await serviceClient()
			.from('tasks')
			.select('type, needed_languages, starts_at')
			.eq('match_id', matchId)
			.order('starts_at');
		expect(tasks!.map((t) => t.type)).toEqual(['furniture', 'move_in', 'guide']);
		expect(tasks![1].needed_languages).toEqual(['ar']);
		// 10:00 in Norway on the expected arrival (2027-06-01, summer time: 08:00 UTC)
		expect(new Date(tasks![1].starts_at).toISOString()).toBe('2027-06-01T08:00:00.000Z');
	});

	it("lists a match's move-in tasks on the household's page, each linked, and the confirmation links to them", async () => {
		// a household matched to the municipality's own dwelling (no landlord to answer): staff confirm at once
		const household = await newHousehold(`TASKS-${Date.now()}`);
		const db = serviceClient();
		const { data: own } = await db
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, street: `Kommunevegen ${Date.now()}`, landlord_id: null, status: 'submitted' })
			.select('id')
			.single();
		await db.from('dwellings').update({ status: 'approved' }).eq('id', own!.id);
		const matchId = (
			await db.rpc('propose_match', {
				p_household: household,
				p_dwelling: own!.id,
				p_staff: seedId('user:staff'),
				p_score: 50,
				p_reasons: []
			})
		).data!;
		const s = await staff();
		expect(location(await s.post(`/staff/households/${household}?/confirm`, { match_id: matchId }))).toBe(
			`/staff/households/${household}?confirmed`
		);
		expect(await (await s.get(`/staff/households/${household}`)).text()).toContain('Lag oppdrag for innflyttinga');

		expect(location(await s.post(`/staff/households/${household}?/tasks`, { match_id: matchId }))).toBe(
			`/staff/households/${household}?tasks`
		);
		const { data: tasks } = await db.from('tasks').select('id, title').eq('match_id', matchId).order('starts_at');
		expect(tasks).toHaveLength(3);
		const html = await (await s.get(`/staff/households/${household}?tasks`)).text();
		// the confirmation names each task with a link to it, not "see them under Tasks"
		const notice = html.match(/<p class="notice" role="status">([\s\S]*?)<\/p>/)![1];
		expect(notice).toContain('Oppdraga for innflyttinga er laga');
		expect(notice).not.toContain('under Oppdrag');
		for (const t of tasks!) expect(notice).toContain(`href="/staff/tasks/${t.id}">${t.title}</a>`);
		// and the page lists them under their heading, each linked to its task page
		const list = html.split('id="move-in-tasks"')[1];
		expect(list).toBeDefined();
		for (const t of tasks!) expect(list).toContain(`href="/staff/tasks/${t.id}">${t.title}</a>`);
		// the tasks are made: the button to make them is gone
		expect(html).not.toContain('Lag oppdrag for innflyttinga');
		for (const t of tasks!) expect((await s.get(`/staff/tasks/${t.id}`)).status).toBe(200);
	});

	it('never suggests or proposes again a pair the landlord declined, until staff reopen it', async () => {
		const reference = `DECLINED-${Date.now()}`;
		const household = await newHousehold(reference);
		const db = serviceClient();
		const s = await staff();
		const suggested = (html: string) => [...html.matchAll(/name="dwelling_id" value="([0-9a-f-]{36})"/g)].map((x) => x[1]);

		// the best suggestion that has a landlord to answer
		const before = suggested(await (await s.get(`/staff/households/${household}`)).text());
		const { data: offers } = await db.from('dwellings').select('id, landlord_id').in('id', before).not('landlord_id', 'is', null);
		const dwelling = before.find((id) => offers!.some((o) => o.id === id))!;
		expect(dwelling).toBeDefined();
		const landlordId = offers!.find((o) => o.id === dwelling)!.landlord_id!;
		const { data: landlordUser } = await db.from('users').select('email').eq('id', landlordId).single();
		expect(location(await s.post(`/staff/households/${household}?/propose`, { dwelling_id: dwelling }))).toBe(
			`/staff/households/${household}?proposed`
		);
		const { data: match } = await db.from('matches').select('id').eq('household_id', household).eq('dwelling_id', dwelling).single();
		const landlord = new Client(app.url);
		await landlord.login(landlordUser!.email);
		expect(location(await landlord.post(`/landlord/proposals/${match!.id}?/decline`, { reason: 'Ikkje denne gongen.' }))).toBe(
			`/landlord/proposals/${match!.id}?declined`
		);
		expect((await db.from('dwellings').select('status').eq('id', dwelling).single()).data!.status).toBe('approved');

		// not among the household's suggestions; the history says so and offers to reopen
		const page = await (await s.get(`/staff/households/${household}`)).text();
		expect(suggested(page)).not.toContain(dwelling);
		expect(page).toContain('Bustaden blir ikkje foreslått for hushaldet att.');
		expect(page).toContain(`name="match_id" value="${match!.id}"`);
		expect(page).toContain('Opne att for forslag');
		// not among the dwelling's suggested households either
		expect(await (await s.get(`/staff/dwellings/${dwelling}`)).text()).not.toContain(reference);
		// the batch page leaves it out even when staff lock it
		const pair = `${household}:${dwelling}`;
		expect(await (await s.get(`/staff/matching?lock=${pair}`)).text()).not.toContain(`value="${pair}"`);

		// proposing it anyway is refused, on the page, on the batch page and in the database
		const refused = await s.post(`/staff/households/${household}?/propose`, { dwelling_id: dwelling });
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('Utleigaren har sagt nei til dette hushaldet for denne bustaden.');
		expect(location(await s.post('/staff/matching?/propose', { pair }))).toBe('/staff/matching?proposed=0');
		const direct = await db.rpc('propose_match', {
			p_household: household,
			p_dwelling: dwelling,
			p_staff: seedId('user:staff'),
			p_score: 1,
			p_reasons: []
		});
		expect(direct.error?.hint).toBe('pair_declined');
		const { count } = await db.from('matches').select('*', { count: 'exact', head: true }).eq('household_id', household);
		expect(count).toBe(1);

		// staff reopen it (a match of another household is not theirs to reopen from this page)
		const other = await newHousehold(`OTHER-${Date.now()}`);
		expect((await s.post(`/staff/households/${other}?/reopen`, { match_id: match!.id })).status).toBe(409);
		expect(location(await s.post(`/staff/households/${household}?/reopen`, { match_id: match!.id }))).toBe(
			`/staff/households/${household}?reopened`
		);
		const { data: reopened } = await db.from('matches').select('status, reopened_at, reopened_by').eq('id', match!.id).single();
		expect(reopened).toMatchObject({ status: 'declined', reopened_by: seedId('user:staff') });
		expect(reopened!.reopened_at).not.toBeNull();
		const after = await (await s.get(`/staff/households/${household}`)).text();
		expect(after).not.toContain('Opne att for forslag');
		expect(await (await s.get(`/staff/matching?lock=${pair}`)).text()).toContain(`value="${pair}"`);
		expect(location(await s.post(`/staff/households/${household}?/propose`, { dwelling_id: dwelling }))).toBe(
			`/staff/households/${household}?proposed`
		);
	});
});

describe('suggestions for a dwelling', () => {
	it('ranks the waiting households an approved dwelling suits, with reasons', async () => {
		const html = await (await (await staff()).get(`/staff/dwellings/${seedId('dwelling:16')}`)).text();
		expect(html).toContain('Hushald bustaden passar for');
		// scores as Nynorsk writes them, with a decimal comma ("95,94"), never a point
		expect(html).not.toMatch(/Poeng: \d+\.\d/);
		const scores = [...html.matchAll(/Poeng: (\d+(?:,\d+)?)/g)].map((x) => Number(x[1].replace(',', '.')));
		expect(scores.length).toBeGreaterThan(0);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
	});
});

describe('households', () => {
	it('writes every read of a household record to the audit log', async () => {
		const household = seedId('household:3');
		await (await staff()).get(`/staff/households/${household}`);
		const { data } = await serviceClient()
			.from('audit_log')
			.select('actor_id, action')
			.eq('entity', 'household')
			.eq('entity_id', household)
			.order('at', { ascending: false })
			.limit(1)
			.single();
		expect(data).toEqual({ actor_id: seedId('user:staff'), action: 'read' });
	});

	it('imports nothing from a CSV with a bad row, and says which lines are wrong', async () => {
		const template = await (await (await staff()).get('/staff/households/template.csv')).text();
		const header = template.replace(/^\uFEFF/, '').split('\n')[0];
		const stamp = Date.now();
		const rows = [
			`CSV-${stamp}-1;ukrainian_collective_protection;2;0;8 3;uk;nei;nei;nei;nei;Lid;2027-04-01;Olha;+47 1;`,
			`CSV-${stamp}-2;no_such_category;1;0;;uk;nei;nei;nei;nei;;2027-04-01;Ivan;+47 2;`,
			`CSV-${stamp}-3;resettlement;1;0;44;ar;nei;nei;nei;nei;;not-a-date;Sara;+47 3;`
		];
		const body = new FormData();
		body.append('file', new File([`${header}\n${rows.join('\n')}\n`], 'hushald.csv', { type: 'text/csv' }));
		const s = await staff();
		const res = await fetch(`${app.url}/staff/households/import`, {
			method: 'POST',
			body,
			headers: { origin: app.url, accept: 'text/html', cookie: `busett_session=${s.cookie('busett_session')}` },
			redirect: 'manual'
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Linje 3, category');
		expect(html).toContain('Linje 4, children_ages');
		expect(html).toContain('Linje 4, expected_arrival');
		const { count } = await serviceClient()
			.from('households')
			.select('*', { count: 'exact', head: true })
			.like('imdi_reference', `CSV-${stamp}-%`);
		expect(count).toBe(0);

		// the good row alone imports
		const good = new FormData();
		good.append('file', new File([`${header}\n${rows[0]}\n`], 'hushald.csv', { type: 'text/csv' }));
		const ok = await fetch(`${app.url}/staff/households/import`, {
			method: 'POST',
			body: good,
			headers: { origin: app.url, accept: 'text/html', cookie: `busett_session=${s.cookie('busett_session')}` },
			redirect: 'manual'
		});
		expect(ok.headers.get('location')).toBe('/staff/households?imported=1');
		const { data: members } = await serviceClient()
			.from('households')
			.select('household_members(age_band, age)')
			.eq('imdi_reference', `CSV-${stamp}-1`)
			.single();
		expect(members!.household_members).toHaveLength(4);
	});

	it('imports what Norwegian Excel writes: `;`, dd.mm.yyyy, the Nynorsk category names and ja/nei, from the template in the staff member’s language', async () => {
		const s = await staff();
		// the template's example is in the staff member's language (Nynorsk), its headers the codes
		const template = await (await s.get('/staff/households/template.csv')).text();
		const [header, example] = template.replace(/^\uFEFF/, '').split('\r\n');
		expect(header.split(';')).toEqual(expect.arrayContaining(['imdi_reference', 'category', 'expected_arrival']));
		expect(example).toContain(`;${nn.hh_cat_ukrainian_collective_protection};`);
		expect(example).toContain(';01.03.2027;');
		expect(await (await s.get('/staff/households/import')).text()).toContain('Dato: 01.03.2027 eller 2027-03-01');

		const stamp = Date.now();
		const rows = [
			`NN-${stamp}-1;${nn.hh_cat_resettlement};2;0;7;ar;Ja;nei;nei;nei;Lid;15.04.2027;Sara;+47 1;`,
			`NN-${stamp}-2;${nn.hh_cat_family_reunification};1;0;;uk;nei;nei;ja;nei;;1.5.2027;Ivan;+47 2;`,
			`NN-${stamp}-3;${nn.hh_cat_ukrainian_collective_protection.replace(/\s*\(.*\)/, '')};1;1;;uk;nei;nei;nei;nei;;2027-06-01;Olha;+47 3;`
		];
		const body = new FormData();
		body.append('file', new File([`${header}\r\n${rows.join('\r\n')}\r\n`], 'hushald.csv', { type: 'text/csv' }));
		const res = await fetch(`${app.url}/staff/households/import`, {
			method: 'POST',
			body,
			headers: { origin: app.url, accept: 'text/html', cookie: `busett_session=${s.cookie('busett_session')}` },
			redirect: 'manual'
		});
		expect(res.headers.get('location')).toBe('/staff/households?imported=3');
		const { data } = await serviceClient()
			.from('households')
			.select('imdi_reference, category, expected_arrival, needs_step_free, needs_ground_floor')
			.like('imdi_reference', `NN-${stamp}-%`)
			.order('imdi_reference');
		expect(data).toEqual([
			{
				imdi_reference: `NN-${stamp}-1`,
				category: 'resettlement',
				expected_arrival: '2027-04-15',
				needs_step_free: true,
				needs_ground_floor: false
			},
			{
				imdi_reference: `NN-${stamp}-2`,
				category: 'family_reunification',
				expected_arrival: '2027-05-01',
				needs_step_free: false,
				needs_ground_floor: true
			},
			{
				imdi_reference: `NN-${stamp}-3`,
				category: 'ukrainian_collective_protection',
				expected_arrival: '2027-06-01',
				needs_step_free: false,
				needs_ground_floor: false
			}
		]);
	});

	it('records the settlement date when a household is settled', async () => {
		// a signed contract with no lease recorded: the date staff give is the one kept (with a
		// lease it is the move-in day: tests/integration/leases.test.ts)
		const household = await livingIn(await letDwelling(), 2);
		const s = await staff();
		const refused = await s.post(`/staff/households/${household}?/status`, { status: 'settled', settled_on: '' });
		expect(refused.status).toBe(400);
		expect(location(await s.post(`/staff/households/${household}?/status`, { status: 'settled', settled_on: '2027-01-15' }))).toBe(
			`/staff/households/${household}?status`
		);
		const { data } = await serviceClient().from('households').select('status, settled_on').eq('id', household).single();
		expect(data).toEqual({ status: 'settled', settled_on: '2027-01-15' });
	});
});

describe('household status in the database', () => {
	it('moves only along expected → matched → contract signed → settled, or to cancelled', async () => {
		const db = serviceClient();
		const settled = seedId('household:21');
		const refused = await db.from('households').update({ status: 'expected' }).eq('id', settled);
		expect(refused.error?.hint).toBe('invalid_transition');
		const expected = seedId('household:6');
		expect((await db.from('households').update({ status: 'settled', settled_on: '2027-01-01' }).eq('id', expected)).error?.hint).toBe(
			'invalid_transition'
		);
		expect((await db.from('households').update({ status: 'cancelled' }).eq('id', expected)).error).toBeNull();
	});
});

/** an approved dwelling of the municipality's own, for one test */
async function approvedDwelling(fields: Record<string, unknown>): Promise<string> {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street: `Etasjevegen ${Date.now() % 100000}`, status: 'submitted', ...fields })
		.select('id')
		.single();
	if (error) throw error;
	expect((await db.from('dwellings').update({ status: 'approved' }).eq('id', data.id)).error).toBeNull();
	return data.id;
}

describe('the needs of a household', () => {
	const suggested = (html: string) => [...html.matchAll(/name="dwelling_id" value="([0-9a-f-]{36})"/g)].map((x) => x[1]);

	it('never suggests a third floor without a lift to a household that needs a ground floor, but does with a lift', async () => {
		const locality = `Golvbygd-${Date.now() % 100000}`;
		// step-free and pets too, so that few other offers fit and the two of this test rank first
		const household = await newHousehold(`GROUND-${Date.now()}`, {
			needs_ground_floor: 'on',
			needs_step_free: 'on',
			has_pets: 'on',
			preferred_localities: locality
		});
		const same = { locality, step_free: true, pets_allowed: true, floor: 3 };
		const stairs = await approvedDwelling({ ...same, lift: false });
		const lift = await approvedDwelling({ ...same, lift: true });
		const unknown = await approvedDwelling({ ...same, floor: null, lift: false });
		const s = await staff();
		const page = await (await s.get(`/staff/households/${household}`)).text();
		expect(suggested(page)).toContain(lift);
		expect(suggested(page)).not.toContain(stairs);
		expect(suggested(page)).not.toContain(unknown);
		// the reasons say the requirement holds, and on what
		expect(page).toContain('Bakkeplan eller heis (krav, oppfylt): 3. etasje, med heis');
		// proposing the one without a lift anyway is refused
		const refused = await s.post(`/staff/households/${household}?/propose`, { dwelling_id: stairs });
		expect(refused.status).toBe(409);
		// the database's rule, which confirming checks, says the same, and names an unknown floor
		const db = serviceClient();
		const broken = async (dwelling: string) => (await db.rpc('match_violations', { p_household: household, p_dwelling: dwelling })).data;
		expect(await broken(stairs)).toEqual(['not_ground_floor']);
		expect(await broken(unknown)).toEqual(['floor_unknown']);
		expect(await broken(lift)).toEqual([]);
		// a household that does not need it is offered the stairs too
		const other = await newHousehold(`STAIRS-${Date.now()}`, { needs_step_free: 'on', has_pets: 'on', preferred_localities: locality });
		const otherPage = await (await s.get(`/staff/households/${other}`)).text();
		expect(suggested(otherPage)).toEqual(expect.arrayContaining([stairs, lift, unknown]));
		expect(otherPage).toContain('Etasje: ukjend');
		for (const id of [stairs, lift, unknown]) await db.from('dwellings').update({ status: 'withdrawn' }).eq('id', id);
	});

	it('suggests only dwellings with the departures a household needs by the timetable, and says which are not known', async () => {
		const locality = `Bussbygd-${Date.now() % 100000}`;
		const household = await newHousehold(`BUS-${Date.now()}`, {
			needs_departures: '20',
			needs_step_free: 'on',
			has_pets: 'on',
			preferred_localities: locality
		});
		const db = serviceClient();
		// the demo feed's busiest stop, and a point 100 km from any stop
		const { data: busiest, error } = await db
			.from('bus_stops')
			.select('lat, lon, departures')
			.order('departures', { ascending: false })
			.limit(1)
			.single();
		expect(error).toBeNull();
		expect(busiest!.departures).toBeGreaterThanOrEqual(20);
		const same = { locality, step_free: true, pets_allowed: true };
		const [near, far, unplaced] = [await approvedDwelling(same), await approvedDwelling(same), await approvedDwelling(same)];
		// staff place the two the register lacks; the bus access follows in the same statement
		expect((await db.from('dwellings').update({ lat: busiest!.lat, lon: busiest!.lon }).eq('id', near)).error).toBeNull();
		expect((await db.from('dwellings').update({ lat: 61.5, lon: 7.5 }).eq('id', far)).error).toBeNull();

		const s = await staff();
		const page = await (await s.get(`/staff/households/${household}`)).text();
		expect(page).toContain('Buss: minst 20 avgangar på ein kvardag innan 1 km');
		expect(suggested(page)).toContain(near);
		expect(suggested(page)).not.toContain(far);
		expect(suggested(page)).not.toContain(unplaced);
		const broken = async (dwelling: string) => (await db.rpc('match_violations', { p_household: household, p_dwelling: dwelling })).data;
		expect(await broken(near)).toEqual([]);
		expect(await broken(far)).toEqual(['too_few_departures']);
		expect(await broken(unplaced)).toEqual(['departures_unknown']);
		const refused = await s.post(`/staff/households/${household}?/propose`, { dwelling_id: far });
		expect(refused.status).toBe(409);

		// the edit form shows the need, and clearing the field clears it: then the far one is offered too
		expect(await (await s.get(`/staff/households/${household}/edit`)).text()).toMatch(/name="needs_departures"[^>]*value="20"/);
		const { data: was } = await db.from('households').select('imdi_reference').eq('id', household).single();
		const cleared = await s.post(`/staff/households/${household}/edit`, {
			imdi_reference: was!.imdi_reference,
			category: 'resettlement',
			adults: '2',
			elderly: '0',
			children_ages: '7',
			languages: 'ar',
			expected_arrival: '2027-06-01',
			needs_step_free: 'on',
			has_pets: 'on',
			preferred_localities: locality,
			needs_departures: ''
		});
		expect(cleared.status).toBe(303);
		const { data: row } = await db.from('households').select('needs_departures').eq('id', household).single();
		expect(row!.needs_departures).toBeNull();
		expect(suggested(await (await s.get(`/staff/households/${household}`)).text())).toEqual(expect.arrayContaining([near, far]));
		for (const id of [near, far, unplaced]) await db.from('dwellings').update({ status: 'withdrawn' }).eq('id', id);
	});

	it('refuses a need for departures that is not a whole number from 1 to 500, keeping what was typed', async () => {
		const res = await (
			await staff()
		).post('/staff/households/new', {
			imdi_reference: `BUS-BAD-${Date.now()}`,
			category: 'resettlement',
			adults: '1',
			elderly: '0',
			children_ages: '',
			languages: 'ar',
			needs_departures: '0,5',
			expected_arrival: '2027-06-01'
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('value="0,5"');
		expect(html).toMatch(/aria-invalid="true"[^>]*name="needs_departures"|name="needs_departures"[^>]*aria-invalid="true"/);
	});

	it('scores a locality staff marked near a health centre (no JavaScript) for a household that needs one, and says so', async () => {
		const [near, far] = [`Helsebygd-${Date.now() % 100000}`, `Fjernbygd-${Date.now() % 100000}`];
		const nearHome = await approvedDwelling({ locality: near, step_free: true, pets_allowed: true });
		const farHome = await approvedDwelling({ locality: far, step_free: true, pets_allowed: true });
		const s = await staff();
		// both localities are on the districts page, neither ticked; staff tick one with a plain post
		const before = await (await s.get('/staff/districts')).text();
		expect(before).toContain(`name="near" value="${near}"`);
		expect(before).not.toMatch(new RegExp(`name="near" value="${near}"[^>]*checked`));
		expect(
			location(
				await s.post('/staff/districts?/localities', [
					['shown', near],
					['shown', far],
					['near', near]
				])
			)
		).toBe('/staff/districts?localities#localities-title');
		const { data: rows } = await serviceClient()
			.from('localities')
			.select('name, near_health_centre')
			.in('name', [near, far])
			.order('name');
		expect(rows).toEqual([
			{ name: far, near_health_centre: false },
			{ name: near, near_health_centre: true }
		]);
		expect(await (await s.get('/staff/districts')).text()).toMatch(new RegExp(`name="near" value="${near}"[^>]*checked`));

		const household = await newHousehold(`HEALTH-${Date.now()}`, { needs_near_health_centre: 'on', needs_step_free: 'on', has_pets: 'on' });
		const page = await (await s.get(`/staff/households/${household}`)).text();
		expect(page).toContain(`Helsestasjon: ${near} er merkt som nær ein — 10 av 10 poeng`);
		expect(page).toContain(`Helsestasjon: ${far} er ikkje merkt som nær ein — 0 av 10 poeng`);
		// the same homes otherwise, so the one near a health centre ranks first
		const ids = suggested(page);
		expect(ids.indexOf(nearHome)).toBeGreaterThanOrEqual(0);
		expect(ids.indexOf(nearHome)).toBeLessThan(ids.indexOf(farHome));
		const db = serviceClient();
		for (const id of [nearHome, farHome]) await db.from('dwellings').update({ status: 'withdrawn' }).eq('id', id);
	});
});

describe('districts', () => {
	it('lets staff update free places, refusing negative numbers', async () => {
		const s = await staff();
		const id = seedId('district:saetre');
		expect(
			(await s.post('/staff/districts?/save', { id, primary_school_places: '-1', lower_secondary_places: '1', kindergarten_places: '1' }))
				.status
		).toBe(400);
		expect(
			location(
				await s.post('/staff/districts?/save', { id, primary_school_places: '3', lower_secondary_places: '2', kindergarten_places: '5' })
			)
		).toBe('/staff/districts?saved');
		const { data } = await serviceClient().from('districts').select('primary_school_places, kindergarten_places').eq('id', id).single();
		expect(data).toEqual({ primary_school_places: 3, kindergarten_places: 5 });
	});
});

describe('the batch page', () => {
	it('ticks no pair beforehand, and a post with none ticked proposes nothing and says so next to the list (no JavaScript)', async () => {
		const s = await staff();
		const html = await (await s.get('/staff/matching')).text();
		const boxes = [...html.matchAll(/<input[^>]*name="pair"[^>]*>/g)].map((x) => x[0]);
		expect(boxes.length).toBeGreaterThan(0);
		expect(boxes.filter((b) => /\schecked/.test(b))).toEqual([]);
		expect(html).toContain('Ingen par er valde på førehand.');

		const count = async () => (await serviceClient().from('matches').select('*', { count: 'exact', head: true })).count;
		const before = await count();
		const res = await s.post('/staff/matching?/propose');
		expect(res.status).toBe(400);
		const page = await res.text();
		// the message sits with the list (in the field around it), and the summary links there
		expect(page).toMatch(
			/id="pair"[^>]*>[\s\S]*?<p class="error" id="pair-error">Kryss av minst eitt par for å foreslå\. Ingenting er sendt\.<\/p>/
		);
		expect(page).toContain('href="#pair"');
		expect(page.indexOf('id="pair-error"')).toBeLessThan(page.indexOf('name="pair"'));
		expect(await count()).toBe(before);
	});

	it('shows an optimal assignment and proposes the chosen pairs', async () => {
		const s = await staff();
		const html = await (await s.get('/staff/matching')).text();
		expect(html).toContain('Samla poeng');
		const pairs = [...html.matchAll(/name="pair" value="([0-9a-f-]{36}:[0-9a-f-]{36})"/g)].map((x) => x[1]);
		expect(pairs.length).toBeGreaterThan(0);
		const res = await s.post('/staff/matching?/propose', { pair: pairs[0] });
		expect(location(res)).toBe('/staff/matching?proposed=1');
		const [household, dwelling] = pairs[0].split(':');
		const { count } = await serviceClient()
			.from('matches')
			.select('*', { count: 'exact', head: true })
			.eq('household_id', household)
			.eq('dwelling_id', dwelling)
			.eq('status', 'proposed');
		expect(count).toBe(1);
	});
});
