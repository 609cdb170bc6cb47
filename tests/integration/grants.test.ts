// The integration grant forecast (public.grant_forecast inside public.dashboard) against sums
// worked out by hand, on households and rates of years no other test uses (2070–2076); the
// admin's rates page and the overview's figure through the app.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrantYear, Summary } from '../../src/lib/dashboard';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';

type Status = 'expected' | 'matched' | 'contract_signed' | 'settled' | 'cancelled';
type Member = { age_band: 'adult' | 'elderly' | 'child'; age?: number };

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv());
});
afterAll(() => app?.stop());

async function household(status: Status, members: Member[], dates: { settled_on?: string; expected_arrival?: string }) {
	const { data, error } = await serviceClient()
		.from('households')
		.insert({ imdi_reference: `GRANT-${randomUUID().slice(0, 12)}`, category: 'resettlement', status, ...dates })
		.select('id')
		.single();
	if (error) throw error;
	const { error: e2 } = await serviceClient()
		.from('household_members')
		.insert(members.map((m) => ({ household_id: data.id, age_band: m.age_band, age: m.age ?? null })));
	if (e2) throw e2;
}

async function grants(year: number): Promise<GrantYear[]> {
	const { data, error } = await serviceClient().rpc('dashboard', { p_year: year });
	if (error) throw error;
	return (data as unknown as Summary).grants;
}

const rates = (year: number, f: number) => ({
	year,
	year_1: 100_000 * f,
	year_2: 90_000 * f,
	year_3: 80_000 * f,
	year_4: 70_000 * f,
	year_5: 60_000 * f,
	child_extra: 5_000 * f,
	elderly_extra: 7_000 * f,
	unaccompanied_extra: 11_000 * f,
	example: false
});

describe('integration grant forecast', () => {
	it('sums each person by settlement year, age and the year’s rates, for the year and the next', async () => {
		await serviceClient()
			.from('grant_rates')
			.upsert([rates(2075, 1), rates(2076, 2)]);
		const before = await grants(2075);

		// settled this year: two adults and a child of 5 — year 1, the child with its extra
		await household('settled', [{ age_band: 'adult' }, { age_band: 'adult' }, { age_band: 'child', age: 5 }], { settled_on: '2075-03-01' });
		// settled four years before: an elderly person in year 5 (the elderly extra only in year 1)
		await household('settled', [{ age_band: 'elderly' }], { settled_on: '2071-06-01' });
		// settled five years before: year 6, nothing any more
		await household('settled', [{ age_band: 'adult' }], { settled_on: '2070-01-01' });
		// an unaccompanied minor settled in 2073: year 3, with the unaccompanied extra every year
		await household('settled', [{ age_band: 'child', age: 16 }], { settled_on: '2073-08-01' });
		// on the way: matched, arriving this year; expected, arriving next year
		await household('matched', [{ age_band: 'adult' }], { expected_arrival: '2075-09-01' });
		await household('expected', [{ age_band: 'adult' }, { age_band: 'elderly' }], { expected_arrival: '2076-02-01' });
		// never counted: cancelled, and expected without an arrival date
		await household('cancelled', [{ age_band: 'adult' }], { settled_on: '2075-03-01' });
		await household('expected', [{ age_band: 'adult' }], {});

		const after = await grants(2075);
		expect(after.map((y) => y.year)).toEqual([2075, 2076]);
		const delta = (i: number, key: 'settled' | 'expected' | 'persons_settled' | 'persons_expected') => after[i][key] - before[i][key];
		// 2075 at 2075's rates: 2 × 100,000 + (100,000 + 5,000) + 60,000 + (80,000 + 11,000)
		expect(delta(0, 'settled')).toBe(456_000);
		expect(delta(0, 'persons_settled')).toBe(5);
		// the matched adult, year 1
		expect(delta(0, 'expected')).toBe(100_000);
		expect(delta(0, 'persons_expected')).toBe(1);
		// 2076 at 2076's rates: the first household in year 2 (3 × 180,000), the minor in year 4
		// (140,000 + 22,000); the elderly person of 2071 is past year 5
		expect(delta(1, 'settled')).toBe(702_000);
		// the matched adult in year 2 (180,000); the expected pair in year 1: 200,000 + 200,000 + 14,000
		expect(delta(1, 'expected')).toBe(594_000);
		const k = (i: number, n: number) => {
			const a = after[i].by_settlement_year.find((r) => r.settlement_year === n)!;
			const b = before[i].by_settlement_year.find((r) => r.settlement_year === n)!;
			return [a.persons - b.persons, a.amount - b.amount];
		};
		expect([1, 2, 3, 4, 5].map((n) => k(0, n))).toEqual([
			[4, 405_000],
			[0, 0],
			[1, 91_000],
			[0, 0],
			[1, 60_000]
		]);
		expect(after[0].rates).toMatchObject({ year_1: 100_000, example: false });
	});

	it('counts nothing for a year without rates, and says so with null rates', async () => {
		await serviceClient().from('grant_rates').delete().in('year', [2063, 2064]);
		await household('settled', [{ age_band: 'adult' }], { settled_on: '2063-05-01' });
		const [y, next] = await grants(2063);
		expect(y.rates).toBeNull();
		expect(y.settled).toBe(0);
		expect(y.persons_settled).toBeGreaterThanOrEqual(1);
		expect(next.rates).toBeNull();
	});

	it('lets an admin set a year’s rates, which the overview then forecasts with', async () => {
		const admin = new Client(app.url);
		await admin.login('admin@fjordvik.kommune.no');
		const res = await admin.post('/staff/admin/grants?/save', {
			year: '2067',
			year_1: '123456',
			year_2: '1',
			year_3: '1',
			year_4: '1',
			year_5: '1',
			child_extra: '0',
			elderly_extra: '0',
			unaccompanied_extra: '0'
		});
		expect(res.status).toBe(303);
		expect(location(res)).toBe('/staff/admin/grants?year=2067&saved');
		const { data } = await serviceClient().from('grant_rates').select('year_1, example').eq('year', 2067).single();
		expect(data).toEqual({ year_1: 123456, example: false });

		await household('settled', [{ age_band: 'adult' }], { settled_on: '2067-04-01' });
		const page = await (await admin.get('/staff/overview?year=2067')).text();
		const total = (await grants(2067))[0];
		expect(total.settled).toBeGreaterThanOrEqual(123_456);
		expect(page).toContain('data-testid="grants-total-2067"');
		expect(page).toMatch(/Venta tilskot i 2067/);

		const bad = await admin.post('/staff/admin/grants?/save', { year: '2067', year_1: '-5' });
		expect(bad.status).toBe(400);
	});

	it('labels the demo’s rates as examples on the overview', async () => {
		const staff = new Client(app.url);
		await staff.login('sakshandsamar@fjordvik.kommune.no');
		const year = new Date().getUTCFullYear();
		const { data } = await serviceClient().from('grant_rates').select('example').eq('year', year).maybeSingle();
		// the demo seeds this year's rates as examples; another test may have replaced them
		if (!data?.example)
			await serviceClient()
				.from('grant_rates')
				.upsert({ ...rates(year, 1), example: true });
		const page = await (await staff.get(`/staff/overview?year=${year}`)).text();
		expect(page).toContain('data-testid="grants-example"');
	});
});
