// Issue 20, item 3, over HTTP: staff record the lease of a confirmed match; the page warns
// where it differs from the offer or passes the rent cap, the settled date follows the move-in,
// and "needs action" reminds staff of a lease ending and a deposit guarantee running out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { letDwelling } from '../helpers/dwellings';
import { livingIn } from '../helpers/households';
import { Client, location } from '../helpers/http';

let app: RunningApp;
let staff: Client;

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	staff = new Client(app.url);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(() => app?.stop());

const day = (fromToday: number) => new Date(Date.now() + fromToday * 86400_000).toISOString().slice(0, 10);
const LEASE = {
	starts_on: '2027-02-01',
	ends_on: '',
	rent_nok: '9000',
	deposit_nok: '0',
	deposit_payer: 'household',
	guarantee_until: '',
	move_in_on: '2027-02-03'
};

describe('the lease', () => {
	it('is recorded for a confirmed match, warns where it differs from the offer, and the settled date follows the move-in', async () => {
		const household = await livingIn(await letDwelling({ rent_nok: 9000, max_occupants: 3 }), 3, 'matched');
		const path = `/staff/households/${household}/lease`;
		// the form starts from the offer's terms
		expect(await (await staff.get(path)).text()).toContain('value="9000"');

		const saved = await staff.post(`${path}?/save`, {
			...LEASE,
			rent_nok: '9 800',
			deposit_payer: 'municipality_guarantee',
			guarantee_until: '2028-02-01'
		});
		expect(location(saved)).toBe(`${path}?saved`);
		const page = await (await staff.get(`${path}?saved`)).text();
		expect(page).toContain('Husleiga i kontrakten er ei anna enn i tilbodet.');
		expect(page).not.toContain('Depositumet i kontrakten er eit anna enn i tilbodet.');
		const { data: lease } = await serviceClient()
			.from('leases')
			.select('rent_nok, deposit_payer, guarantee_until, ends_on, move_in_on, matches!inner(household_id)')
			.eq('matches.household_id', household)
			.single();
		expect(lease).toMatchObject({
			rent_nok: 9800,
			deposit_payer: 'municipality_guarantee',
			guarantee_until: '2028-02-01',
			ends_on: null,
			move_in_on: '2027-02-03'
		});
		// a lease is a contract: the matched household has signed
		const signed = await serviceClient().from('households').select('status, settled_on').eq('id', household).single();
		expect(signed.data).toEqual({ status: 'contract_signed', settled_on: null });

		// settled later with another date: the move-in day counts
		expect(location(await staff.post(`/staff/households/${household}?/status`, { status: 'settled', settled_on: '2027-03-15' }))).toMatch(
			/\?status$/
		);
		const settled = await serviceClient().from('households').select('status, settled_on').eq('id', household).single();
		expect(settled.data).toEqual({ status: 'settled', settled_on: '2027-02-03' });
		// corrected: a settled household's date moves with it
		expect(location(await staff.post(`${path}?/save`, { ...LEASE, move_in_on: '2027-02-10' }))).toBe(`${path}?saved`);
		expect((await serviceClient().from('households').select('settled_on').eq('id', household).single()).data?.settled_on).toBe(
			'2027-02-10'
		);
	});

	it('refuses impossible terms next to their fields, keeps what was typed and stores nothing', async () => {
		const household = await livingIn(await letDwelling(), 2);
		const path = `/staff/households/${household}/lease`;
		const res = await staff.post(`${path}?/save`, { ...LEASE, ends_on: '2027-01-15', rent_nok: 'ni tusen' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Skriv eit heilt tal.');
		expect(html).toContain('value="ni tusen"');
		const guarantee = await staff.post(`${path}?/save`, { ...LEASE, guarantee_until: '2028-01-01' });
		expect(guarantee.status).toBe(400);
		expect(await guarantee.text()).toContain('Berre ein garanti har ein dato han gjeld til.');
		const unchosen: Record<string, string> = { ...LEASE };
		delete unchosen.deposit_payer;
		const none = await staff.post(`${path}?/save`, unchosen);
		expect(none.status).toBe(400);
		expect(await none.text()).toContain('Vel eitt av alternativa.');
		const { count } = await serviceClient()
			.from('leases')
			.select('match_id, matches!inner(household_id)', { count: 'exact', head: true })
			.eq('matches.household_id', household);
		expect(count).toBe(0);
	});

	it('has nothing to record for a household without a confirmed home', async () => {
		const { data } = await serviceClient()
			.from('households')
			.insert({ imdi_reference: `UTAN-${Date.now()}`, category: 'resettlement', status: 'expected' })
			.select('id')
			.single();
		const path = `/staff/households/${data!.id}/lease`;
		expect(await (await staff.get(path)).text()).toContain('Hushaldet har ingen stadfesta bustad');
		const res = await staff.post(`${path}?/save`, LEASE);
		expect(res.status).toBe(409);
		expect(
			(await serviceClient().from('leases').select('match_id, matches!inner(household_id)').eq('matches.household_id', data!.id)).data
		).toEqual([]);
	});

	it('reminds staff of a lease ending within 90 days and a deposit guarantee running out within 60', async () => {
		const household = await livingIn(await letDwelling(), 1);
		const path = `/staff/households/${household}/lease`;
		const ending = {
			...LEASE,
			starts_on: day(-300),
			move_in_on: day(-299),
			ends_on: day(80),
			deposit_payer: 'nav_guarantee',
			guarantee_until: day(50)
		};
		expect(location(await staff.post(`${path}?/save`, ending))).toBe(`${path}?saved`);
		const { data, error } = await serviceClient().rpc('needs_action');
		expect(error).toBeNull();
		const mine = data!.filter((i) => i.target === path).map((i) => i.kind);
		expect(mine.sort()).toEqual(['deposit_guarantee', 'lease_ending']);
		// renewed: both reminders go
		expect(location(await staff.post(`${path}?/save`, { ...ending, ends_on: day(800), guarantee_until: day(700) }))).toBe(`${path}?saved`);
		const after = await serviceClient().rpc('needs_action');
		expect(after.data!.filter((i) => i.target === path)).toEqual([]);
	});
});
