import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueChecks } from '../../src/lib/server/db/availability';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { landlordOfDwelling, seedId } from '../helpers/seed';
import { COMPLETE_OFFER, passedInspection } from '../helpers/dwellings';

type Status = 'draft' | 'submitted' | 'approved' | 'needs_changes' | 'rejected' | 'proposed' | 'let' | 'withdrawn';
const STATUSES: Status[] = ['draft', 'submitted', 'approved', 'needs_changes', 'rejected', 'proposed', 'let', 'withdrawn'];

// the dwelling lifecycle (docs/architecture.md), written out apart from the migration that enforces it
const ALLOWED: Record<Status, Status[]> = {
	draft: ['submitted', 'withdrawn'],
	submitted: ['approved', 'needs_changes', 'rejected', 'withdrawn'],
	approved: ['proposed', 'submitted', 'withdrawn'],
	needs_changes: ['submitted', 'withdrawn'],
	rejected: [],
	proposed: ['approved', 'let', 'withdrawn'],
	let: ['submitted'],
	withdrawn: ['submitted', 'draft']
};
const PATH: Record<Status, Status[]> = {
	draft: [],
	submitted: ['submitted'],
	approved: ['submitted', 'approved'],
	needs_changes: ['submitted', 'needs_changes'],
	rejected: ['submitted', 'rejected'],
	proposed: ['submitted', 'approved', 'proposed'],
	let: ['submitted', 'approved', 'proposed', 'let'],
	withdrawn: ['withdrawn']
};

const complete = COMPLETE_OFFER;

async function dwellingIn(status: Status): Promise<string> {
	const db = serviceClient();
	const { data, error } = await db
		.from('dwellings')
		.insert({ ...complete, status: 'draft' })
		.select('id')
		.single();
	if (error) throw error;
	for (const step of PATH[status]) {
		const { error: stepError } = await db.from('dwellings').update({ status: step }).eq('id', data.id);
		if (stepError) throw stepError;
	}
	return data.id;
}

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

describe('the dwelling lifecycle in the database', () => {
	for (const from of STATUSES) {
		for (const to of STATUSES.filter((s) => s !== from)) {
			const allowed = ALLOWED[from].includes(to);
			it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, async () => {
				const id = await dwellingIn(from);
				const { error } = await serviceClient().from('dwellings').update({ status: to }).eq('id', id);
				if (allowed) expect(error).toBeNull();
				else expect(error?.hint).toBe('invalid_transition');
				const { data } = await serviceClient().from('dwellings').select('status').eq('id', id).single();
				expect(data!.status).toBe(allowed ? to : from);
			});
		}
	}

	it('lets a new dwelling start only as a draft or submitted', async () => {
		const { error } = await serviceClient()
			.from('dwellings')
			.insert({ ...complete, status: 'approved' });
		expect(error?.hint).toBe('invalid_transition');
	});

	it('refuses to propose a withdrawn, let or unreviewed dwelling', async () => {
		for (const status of ['withdrawn', 'let', 'submitted'] as const) {
			const id = await dwellingIn(status);
			const { error } = await serviceClient()
				.from('matches')
				.insert({ household_id: seedId('household:2'), dwelling_id: id, status: 'proposed' });
			expect(error?.hint, status).toBe('dwelling_not_available');
		}
	});

	it('sends an approved offer back to review when a field that matters for matching changes', async () => {
		const id = await dwellingIn('approved');
		await serviceClient().from('dwellings').update({ description: 'Nytt måla kjøkken.' }).eq('id', id);
		expect((await serviceClient().from('dwellings').select('status').eq('id', id).single()).data!.status).toBe('approved');
		await serviceClient().from('dwellings').update({ beds: 4 }).eq('id', id);
		expect((await serviceClient().from('dwellings').select('status').eq('id', id).single()).data!.status).toBe('submitted');
	});

	it('refuses negative rent, no beds, and an end before the start', async () => {
		for (const bad of [{ rent_nok: -1 }, { beds: 0 }, { available_until: '2026-12-31' }]) {
			const { error } = await serviceClient()
				.from('dwellings')
				.insert({ ...complete, status: 'draft', ...bad });
			expect(error?.code, JSON.stringify(bad)).toBe('23514');
		}
	});
});

describe('landlords and their offers', () => {
	it('does not let landlord A read or change landlord B’s dwelling by guessing its id', async () => {
		const other = seedId('dwelling:3'); // utleigar03's draft
		const a = new Client(app.url);
		await a.login(landlordOfDwelling(2));
		expect((await a.get(`/landlord/dwellings/${other}`)).status).toBe(404);
		expect((await a.post(`/landlord/dwellings/${other}?/save`, { street: 'Kapra 1' })).status).toBe(404);
		expect((await a.post(`/landlord/dwellings/${other}?/withdraw`)).status).toBe(404);
		const { data } = await serviceClient().from('dwellings').select('street, status').eq('id', other).single();
		expect(data!.street).not.toBe('Kapra 1');
		expect(data!.status).toBe('draft');
	});

	it('keeps bad input out, says why next to the field, and escapes text on output', async () => {
		const landlord = new Client(app.url);
		await landlord.login('utleigar05@example.no');
		const res = await landlord.post('/landlord/dwellings/new?/submit', {
			street: '<script>alert(1)</script>',
			rent_nok: 'mykje',
			beds: '-2',
			available_from: '2027-02-01',
			available_until: '2027-01-01',
			description: 'x'.repeat(50_000)
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Skriv eit heilt tal.');
		expect(html).toContain('Skriv eit tal mellom 1 og 40.');
		expect(html).toContain('«Ledig til» kan ikkje vere før «ledig frå».');
		expect(html).toContain('Teksten er for lang.');
		expect(html).toContain('Du må stadfeste at bustaden har røykvarslar');
		// kept as typed, but as text
		expect(html).toMatch(/value="&lt;script>alert\(1\)&lt;\/script>"/);
		expect(html).not.toContain('<script>alert(1)</script>');
		const { count } = await serviceClient()
			.from('dwellings')
			.select('*', { count: 'exact', head: true })
			.eq('street', '<script>alert(1)</script>');
		expect(count).toBe(0);
	});

	it('saves a draft, resumes it, sends it in, and staff approval reaches the landlord by mail', async () => {
		const email = 'utleigar07@example.no';
		const landlord = new Client(app.url);
		await landlord.login(email);
		const saved = await landlord.post('/landlord/dwellings/new?/save', { street: 'Resumevegen 9', postcode: '5915' });
		const path = location(saved)!.replace('?saved', '');
		expect(path).toMatch(/^\/landlord\/dwellings\/[0-9a-f-]{36}$/);
		const page = await (await landlord.get(path)).text();
		expect(page).toContain('value="Resumevegen 9"');
		expect(await (await landlord.get(`${path}?saved`)).text()).toContain('Utkastet er lagra. Du kan halde fram seinare.');

		const sent = await landlord.post(`${path}?/submit`, {
			...Object.fromEntries(Object.entries(complete).map(([k, v]) => [k, String(v)])),
			street: 'Resumevegen 9',
			address_choice: 'typed',
			fire_safety_confirmed: 'on'
		});
		expect(location(sent)).toBe(`${path}?submitted`);
		// the landlord's words go in the body, never in a subject (fixed texts)
		const received = await mailTo(email, /^Vi har fått bustadtilbodet ditt$/, 'Resumevegen 9');
		const toReview = await mailTo('sakshandsamar@fjordvik.kommune.no', /^Nytt bustadtilbod å sjå på$/, 'Resumevegen 9');
		for (const mail of [received, toReview]) expect(mail.subject).not.toContain('Resumevegen');

		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const id = path.split('/').pop()!;
		await passedInspection(id);
		const reviewed = await staff.post(`/staff/dwellings/${id}?/review`, {
			decision: 'approved',
			district: seedId('district:lid'),
			inspection_date: '2027-01-10',
			message: ''
		});
		expect(location(reviewed)).toBe(`/staff/dwellings/${id}?reviewed`);
		const mail = await mailTo(email, /^Bustaden din er godkjend$/, 'Resumevegen 9');
		expect(mail.text).toContain(`/landlord/dwellings/${id}`);
		const { data } = await serviceClient().from('dwellings').select('status, district_id').eq('id', id).single();
		expect(data).toEqual({ status: 'approved', district_id: seedId('district:lid') });
	});

	it('asks for changes only with a message, which the landlord gets', async () => {
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const id = seedId('dwelling:5'); // submitted, utleigar05
		const without = await staff.post(`/staff/dwellings/${id}?/review`, { decision: 'needs_changes', message: '' });
		expect(without.status).toBe(400);
		await staff.post(`/staff/dwellings/${id}?/review`, { decision: 'needs_changes', message: 'Kor mange senger er det på loftet?' });
		const mail = await mailTo(landlordOfDwelling(5), /Vi treng litt meir/);
		expect(mail.text).toContain('Kor mange senger er det på loftet?');
	});

	it('tells a landlord who saves an offer sent back for changes that it is not sent in again yet', async () => {
		const email = 'utleigar07@example.no';
		const landlord = new Client(app.url);
		await landlord.login(email);
		const offer = Object.fromEntries(Object.entries(complete).map(([k, v]) => [k, String(v)]));
		const sent = await landlord.post('/landlord/dwellings/new?/submit', {
			...offer,
			street: 'Endringsvegen 2',
			address_choice: 'typed',
			fire_safety_confirmed: 'on'
		});
		const path = location(sent)!.replace('?submitted', '');
		const id = path.split('/').pop()!;
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		await staff.post(`/staff/dwellings/${id}?/review`, { decision: 'needs_changes', message: 'Kor mange senger?' });

		const saved = await landlord.post(`${path}?/save`, { ...offer, street: 'Endringsvegen 2', address_choice: 'typed', bedrooms: '3' });
		expect(location(saved)).toBe(`${path}?saved`);
		const page = await (await landlord.get(`${path}?saved`)).text();
		expect(page).toContain('Endringane er lagra. Tilbodet er ikkje sendt inn att');
		expect(page).not.toContain('Utkastet er lagra');
		const { data } = await serviceClient().from('dwellings').select('status, bedrooms').eq('id', id).single();
		expect(data).toEqual({ status: 'needs_changes', bedrooms: 3 });
	});

	it('shows a landlord only an anonymised summary of a proposed household', async () => {
		const dwellingId = seedId('dwelling:31');
		const { data: match } = await serviceClient()
			.from('matches')
			.select('id, household_id')
			.eq('dwelling_id', dwellingId)
			.eq('status', 'proposed')
			.single();
		const { data: household } = await serviceClient().from('households').select('*').eq('id', match!.household_id).single();
		const landlord = new Client(app.url);
		await landlord.login(landlordOfDwelling(31));
		const res = await landlord.get(`/landlord/proposals/${match!.id}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Vaksne');
		for (const secret of [household!.contact_name, household!.contact_phone, household!.imdi_reference])
			expect(html, secret).not.toContain(secret);
		if (household!.staff_note) expect(html).not.toContain(household!.staff_note);

		// another landlord cannot open it
		const other = new Client(app.url);
		await other.login(landlordOfDwelling(32));
		expect((await other.get(`/landlord/proposals/${match!.id}`)).status).toBe(404);

		// declining frees the dwelling and tells staff
		const declined = await landlord.post(`/landlord/proposals/${match!.id}?/decline`, { reason: 'Vi sel huset.' });
		expect(location(declined)).toBe(`/landlord/proposals/${match!.id}?declined`);
		expect((await serviceClient().from('dwellings').select('status').eq('id', dwellingId).single()).data!.status).toBe('approved');
		await mailTo('sakshandsamar@fjordvik.kommune.no', /Utleigar sa nei/);
	});
});

describe('"still available?" checks', () => {
	// a seeded approved dwelling (10 to 25), last confirmed long ago; each test its own
	// an approved offer of the seed's landlord of dwelling n, made for the test: a seeded
	// offer may be proposed meanwhile by another test file's matching, and get no check
	async function dueDwelling(n: number): Promise<{ id: string; landlord: string; address: string }> {
		const db = serviceClient();
		const street = `Ledigvegen ${n}-${Date.now() % 100000}`;
		const { data, error } = await db
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, street, landlord_id: seedId(`user:landlord:${1 + ((n - 1) % 12)}`), status: 'submitted' })
			.select('id')
			.single();
		if (error) throw error;
		const id = data.id;
		await db.from('dwellings').update({ status: 'approved' }).eq('id', id);
		const long = new Date(Date.now() - 40 * 24 * 3600_000).toISOString();
		await db.from('dwellings').update({ confirmed_available_at: long, reviewed_at: long }).eq('id', id);
		return { id, landlord: landlordOfDwelling(n), address: `${street}, ${COMPLETE_OFFER.place}` };
	}

	// the links in the check's mail, made of its token read from the outbox before it is sent and emptied
	async function links(dwelling: { landlord: string; address: string }) {
		const { data } = await serviceClient()
			.from('notifications')
			.select('payload')
			.eq('recipient', dwelling.landlord)
			.like('idempotency_key', 'still_available:%')
			.order('created_at', { ascending: false });
		const mail = data!.map((n) => n.payload as { token?: string; address?: string }).find((p) => p.address === dwelling.address);
		expect(mail?.token, `a check for ${dwelling.address}`).toBeDefined();
		return { yes: `/availability/${mail!.token}/yes`, no: `/availability/${mail!.token}/no` };
	}

	it('mails a due offer once, and a yes keeps it — once only', async () => {
		const dwelling = await dueDwelling(10);
		const { id, landlord } = dwelling;
		expect(await sendDueChecks()).toBeGreaterThan(0);
		// a second run (another instance) sends nothing more for it
		await sendDueChecks();
		const { count } = await serviceClient().from('availability_checks').select('*', { count: 'exact', head: true }).eq('dwelling_id', id);
		expect(count).toBe(1);
		const { yes } = await links(dwelling);

		const anyone = new Client(app.url);
		expect(await (await anyone.get(yes)).text()).toContain('framleis er ledig');
		const answered = await anyone.post(yes);
		expect(await answered.text()).toContain('Takk for svaret!');
		const { data } = await serviceClient().from('dwellings').select('status, confirmed_available_at').eq('id', id).single();
		expect(data!.status).toBe('approved');
		expect(Date.now() - new Date(data!.confirmed_available_at!).getTime()).toBeLessThan(60_000);

		// reused: refused
		const again = await anyone.post(yes);
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('Lenkja er brukt');
		await mailTo(landlord, /^Er bustaden din framleis ledig\?$/);
	});

	it('refuses a tampered or expired link, and a no withdraws the offer', async () => {
		const dwelling = await dueDwelling(11);
		const { id } = dwelling;
		await sendDueChecks();
		const { no } = await links(dwelling);
		const anyone = new Client(app.url);

		const tampered = no.replace(/\.([a-z2-9]{24})\//, `.${'c'.repeat(24)}/`);
		expect((await anyone.post(tampered)).status).toBe(400);

		const checkId = no.split('/')[2].split('.')[0];
		await serviceClient()
			.from('availability_checks')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', checkId);
		expect((await anyone.post(no)).status).toBe(400);
		expect((await serviceClient().from('dwellings').select('status').eq('id', id).single()).data!.status).toBe('approved');

		await serviceClient()
			.from('availability_checks')
			.update({ expires_at: new Date(Date.now() + 3600_000).toISOString() })
			.eq('id', checkId);
		expect(await (await anyone.post(no)).text()).toContain('Takk for svaret!');
		expect((await serviceClient().from('dwellings').select('status').eq('id', id).single()).data!.status).toBe('withdrawn');
	});

	it('flags an offer as stale for staff when a check has had no answer for 14 days', async () => {
		const { id } = await dueDwelling(12);
		await sendDueChecks();
		await serviceClient()
			.from('availability_checks')
			.update({ sent_at: new Date(Date.now() - 15 * 24 * 3600_000).toISOString() })
			.eq('dwelling_id', id);
		const { data } = await serviceClient().from('dwelling_flags').select('stale').eq('dwelling_id', id).single();
		expect(data!.stale).toBe(true);
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		expect(await (await staff.get(`/staff/dwellings/${id}`)).text()).toContain('Ikkje svart på om han er ledig');
	});
});

describe('staff filters', () => {
	it('lists offers by status and locality, and flags rent over the cap', async () => {
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const html = await (await staff.get('/staff/dwellings?status=submitted&sort=rent_nok')).text();
		expect(html).toContain('Til gjennomgang');
		expect(html).not.toMatch(/<span class="status status-let/);
		const { data: caps } = await serviceClient().from('rent_caps').select('*');
		expect(caps!.length).toBeGreaterThan(0);
		const expensive = await dwellingIn('submitted');
		await serviceClient().from('dwellings').update({ rent_nok: 40000, street: 'Dyrvegen 1' }).eq('id', expensive);
		const page = await (await staff.get(`/staff/dwellings/${expensive}`)).text();
		expect(page).toContain('Over husleigetaket');
	});
});

describe('the municipality’s own dwellings', () => {
	it('are registered and sent in by staff, who cannot edit a landlord’s offer that way', async () => {
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const saved = await staff.post('/staff/dwellings/new?/save', { street: 'Kommunevegen 1' });
		const path = location(saved)!.replace('?saved', '');
		const fields = Object.fromEntries(Object.entries(complete).map(([k, v]) => [k, String(v)]));
		expect(
			location(
				await staff.post(`${path}?/submit`, { ...fields, street: 'Kommunevegen 1', address_choice: 'typed', fire_safety_confirmed: 'on' })
			)
		).toBe(`${path}?submitted`);
		const { data } = await serviceClient().from('dwellings').select('status, landlord_id').eq('id', path.split('/').pop()!).single();
		expect(data).toEqual({ status: 'submitted', landlord_id: null });

		const landlords = seedId('dwelling:2');
		expect((await staff.post(`/staff/dwellings/${landlords}?/save`, { street: 'Overteke 1' })).status).toBe(404);
	});
});

describe('admin settings', () => {
	it('saves the yearly target and the rent caps together, and the caps flag offers', async () => {
		const admin = new Client(app.url);
		await admin.login('admin@fjordvik.kommune.no');
		const bad = await admin.post('/staff/admin/settings?/save', { year: '2026', target: 'hundre', cap_1: '-5' });
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('Skriv eit heilt tal.');
		expect(html).toContain('Skriv eit tal mellom 0 og 100000.');

		const saved = await admin.post('/staff/admin/settings?/save', { year: '2031', target: '150', cap_1: '9000', cap_2: '10000' });
		expect(location(saved)).toBe('/staff/admin/settings?saved');
		const { data: target } = await serviceClient().from('yearly_targets').select('persons').eq('year', 2031).single();
		expect(target!.persons).toBe(150);
		const { data: caps } = await serviceClient().from('rent_caps').select('persons, max_rent_nok').order('persons');
		expect(caps).toEqual([
			{ persons: 1, max_rent_nok: 9000 },
			{ persons: 2, max_rent_nok: 10000 }
		]);
		// the matching weights and the crowded margin
		const weights = {
			weight_school: '40',
			weight_rent: '20',
			weight_bus: '10',
			weight_bedrooms: '10',
			weight_locality: '10',
			weight_language: '10',
			weight_health: '5'
		};
		const tooMuch = await admin.post('/staff/admin/settings?/matching', {
			crowded_margin: '1',
			proposal_wait_days: '5',
			...weights,
			weight_bus: '150'
		});
		expect(tooMuch.status).toBe(400);
		expect(await tooMuch.text()).toContain('Skriv eit tal mellom 0 og 100.');
		expect(
			location(await admin.post('/staff/admin/settings?/matching', { crowded_margin: '1', proposal_wait_days: '7', ...weights }))
		).toBe('/staff/admin/settings?saved');
		const { data: matching } = await serviceClient()
			.from('municipality_settings')
			.select('crowded_margin, matching_weights, proposal_wait_days')
			.single();
		expect(matching).toEqual({
			crowded_margin: 1,
			proposal_wait_days: 7,
			matching_weights: { school: 40, rent: 20, bus: 10, bedrooms: 10, locality: 10, language: 10, health: 5 }
		});
		// back to the defaults for the other tests
		await serviceClient()
			.from('municipality_settings')
			.update({ crowded_margin: 0, matching_weights: null, proposal_wait_days: 5 })
			.eq('id', true);

		// staff may not change settings
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		expect((await staff.post('/staff/admin/settings?/save', { year: '2031', target: '1' })).status).toBe(403);
	});
});
