// The dashboard's counts and the CSV reports, on households made here in a year no other
// test uses (2033), so the expected numbers are known exactly.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/lib/dashboard';
import { overRentCap } from '../../src/lib/rent-cap';
import { parseCsv } from '../../src/lib/server/files/households-csv';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client } from '../helpers/http';

const YEAR = 2033;
type Category = 'ukrainian_collective_protection' | 'resettlement' | 'other' | 'family_reunification';
type Status = 'expected' | 'matched' | 'contract_signed' | 'settled' | 'cancelled';

let app: RunningApp;
let staff: Client;
beforeAll(async () => {
	app = await startApp(appEnv());
	staff = new Client(app.url);
	await staff.login('sakshandsamar@fjordvik.kommune.no');
});
afterAll(() => app?.stop());

/** a household of `persons` adults; returns its IMDi reference */
async function household(category: Category, status: Status, persons: number, settledOn: string | null = null): Promise<string> {
	const ref = `TEST-${randomUUID().slice(0, 12)}`;
	const { data, error } = await serviceClient()
		.from('households')
		.insert({ imdi_reference: ref, category, status, settled_on: settledOn })
		.select('id')
		.single();
	if (error) throw error;
	const members = Array.from({ length: persons }, () => ({ household_id: data.id, age_band: 'adult' as const }));
	const { error: e2 } = await serviceClient().from('household_members').insert(members);
	if (e2) throw e2;
	return ref;
}

async function summary(year: number): Promise<Summary> {
	const { data, error } = await serviceClient().rpc('dashboard', { p_year: year });
	if (error) throw error;
	return data as unknown as Summary;
}

describe('dashboard', () => {
	it('counts settled persons toward the target without family reunification or cancelled households', async () => {
		await serviceClient().from('yearly_targets').upsert({ year: YEAR, persons: 40 });
		const before = await summary(YEAR);
		expect(before.progress.settled_persons).toBe(0);

		await household('ukrainian_collective_protection', 'settled', 3, `${YEAR}-03-10`);
		await household('resettlement', 'settled', 2, `${YEAR}-03-28`);
		await household('other', 'settled', 1, `${YEAR}-07-01`);
		await household('family_reunification', 'settled', 4, `${YEAR}-04-02`);
		// cancelled after a settlement date was written down: never counted
		await household('ukrainian_collective_protection', 'cancelled', 5, `${YEAR}-03-15`);
		// settled the year before: not this year's
		await household('resettlement', 'settled', 6, `${YEAR - 1}-12-31`);
		// in the pipeline
		await household('ukrainian_collective_protection', 'matched', 2);
		await household('resettlement', 'contract_signed', 1);
		await household('other', 'expected', 3);
		await household('family_reunification', 'expected', 7);
		await household('family_reunification', 'matched', 2);
		await household('ukrainian_collective_protection', 'cancelled', 9);

		const after = await summary(YEAR);
		expect(after.target).toBe(40);
		expect(after.progress.settled_persons).toBe(6);
		expect(after.progress.settled_households).toBe(3);
		expect(after.progress.family_reunification_persons).toBe(4);
		expect(after.progress.matched_persons - before.progress.matched_persons).toBe(3);
		expect(after.progress.pipeline_persons - before.progress.pipeline_persons).toBe(3);
		const month = (n: number) => after.progress.by_month.find((r) => r.month === n)?.persons;
		expect(month(3)).toBe(5);
		expect(month(4)).toBe(0);
		expect(month(7)).toBe(1);
		expect(after.progress.by_month.reduce((n, r) => n + r.persons, 0)).toBe(6);
		expect(after.progress.by_category).toEqual([
			{ category: 'ukrainian_collective_protection', households: 1, persons: 3 },
			{ category: 'resettlement', households: 1, persons: 2 },
			{ category: 'other', households: 1, persons: 1 },
			{ category: 'family_reunification', households: 1, persons: 4 }
		]);
		expect((await summary(YEAR - 1)).progress.settled_persons).toBe(6);
	});

	it('shows the year asked for on the page, and the same numbers', async () => {
		const res = await staff.get(`/staff/overview?year=${YEAR}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`6 av 40 personar busette i ${YEAR}`);
		expect(html).toMatch(/data-testid="family-reunification">4</);
	});
});

describe('housing pipeline', () => {
	it('flags the same offers over the rent cap as the staff pages do, and counts the open ones', async () => {
		const [{ data: caps }, { data: report }, { data: dwellings }] = await Promise.all([
			serviceClient().from('rent_caps').select('persons, max_rent_nok'),
			serviceClient().from('dwelling_report').select('id, status, over_rent_cap'),
			serviceClient().from('dwellings').select('id, rent_nok, max_occupants').neq('status', 'draft')
		]);
		const capMap = new Map(caps!.map((c) => [c.persons, c.max_rent_nok]));
		const flagged = new Map(report!.map((r) => [r.id, r.over_rent_cap]));
		for (const d of dwellings!) expect(flagged.get(d.id), d.id).toBe(overRentCap(d.rent_nok, d.max_occupants, capMap));
		const open = report!.filter((r) => ['submitted', 'needs_changes', 'approved', 'proposed'].includes(r.status!) && r.over_rent_cap);
		expect((await summary(YEAR)).housing.over_rent_cap).toBe(open.length);
	});
});

describe('CSV reports', () => {
	it('writes settled persons per month and category that parse back to the dashboard numbers, with a BOM and æøå intact', async () => {
		const res = await staff.get(`/staff/reports/settled.csv?year=${YEAR}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="busette-${YEAR}.csv"`);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text.startsWith('\uFEFFMånad;')).toBe(true);

		const rows = parseCsv(text);
		const header = rows[0];
		expect(header).toContain('Overføringsflyktning: personar');
		const col = (name: string) => header.indexOf(name);
		const counted = col('Personar som tel mot målet');
		const fr = header.findIndex((h) => h.startsWith('Familie') && h.endsWith(': personar'));
		expect(rows).toHaveLength(14); // header, 12 months, total
		const march = rows.find((r) => r[0] === `${YEAR}-03`)!;
		expect(march[counted]).toBe('5');
		expect(march[col('Kollektiv vern (Ukraina): personar')]).toBe('3');
		expect(march[col('Overføringsflyktning: hushald')]).toBe('1');
		const total = rows[13];
		expect(total[0]).toBe('Sum');
		const dashboard = await summary(YEAR);
		expect(Number(total[counted])).toBe(dashboard.progress.settled_persons);
		expect(Number(total[fr])).toBe(dashboard.progress.family_reunification_persons);
	});

	it('exports volunteer hours per month and task type, with decimals as Excel in Norway reads them', async () => {
		const { data: task, error } = await serviceClient()
			.from('tasks')
			.insert({
				type: 'furniture',
				title: 'Hente møblar',
				starts_at: `${YEAR}-05-04T08:00:00Z`,
				ends_at: `${YEAR}-05-04T11:00:00Z`,
				locality: 'Vågøy',
				volunteers_needed: 3
			})
			.select('id')
			.single();
		if (error) throw error;
		const { data: people } = await serviceClient().from('volunteer_profiles').select('user_id').limit(2);
		const { error: e2 } = await serviceClient()
			.from('signups')
			.insert([
				{
					task_id: task.id,
					volunteer_id: people![0].user_id,
					hours: 2.5,
					hours_approved_at: new Date().toISOString(),
					hours_review: 'approved'
				},
				{ task_id: task.id, volunteer_id: people![1].user_id, hours: 3 }
			]);
		if (e2) throw e2;

		const rows = parseCsv(await (await staff.get(`/staff/reports/volunteer-hours.csv?year=${YEAR}`)).text());
		expect(rows[0]).toEqual(['Månad', 'Oppgåvetype', 'Oppgåver', 'Frivillige', 'Timar rapporterte', 'Timar godkjende']);
		expect(rows[1]).toEqual([`${YEAR}-05`, 'Hente møblar', '1', '2', '5,5', '2,5']);
		expect(rows.at(-1)).toEqual(['Sum', '', '1', '', '5,5', '2,5']);
	});

	it('exports households without names or phone numbers, and logs the read of each', async () => {
		const ref = await household('resettlement', 'settled', 2, `${YEAR}-09-01`);
		await serviceClient()
			.from('households')
			.update({ contact_name: 'Zofia Testnamn', contact_phone: '+47 99 88 77 66' })
			.eq('imdi_reference', ref);
		const { data: me } = await serviceClient().from('users').select('id').eq('email', 'sakshandsamar@fjordvik.kommune.no').single();
		const since = new Date().toISOString();

		const text = await (await staff.get('/staff/reports/households.csv')).text();
		expect(text).not.toContain('Zofia');
		expect(text).not.toContain('99 88 77 66');
		const rows = parseCsv(text);
		const row = rows.find((r) => r[0] === ref)!;
		expect(row.slice(0, 4)).toEqual([ref, 'Overføringsflyktning', 'Busett', '2']);
		const { data: h } = await serviceClient().from('households').select('id').eq('imdi_reference', ref).single();
		const { data: audit } = await serviceClient()
			.from('audit_log')
			.select('action, entity')
			.eq('entity_id', h!.id)
			.eq('actor_id', me!.id)
			.gte('at', since);
		expect(audit).toEqual([{ action: 'read', entity: 'household' }]);
	});

	it('exports the dwellings sent in, drafts left out, with æøå intact', async () => {
		const rows = parseCsv(await (await staff.get('/staff/reports/dwellings.csv')).text());
		const { count } = await serviceClient().from('dwellings').select('id', { count: 'exact', head: true }).neq('status', 'draft');
		expect(rows.length - 1).toBe(count);
		expect(rows.some((r) => r.includes('Vågøy skulekrins'))).toBe(true);
	});
});
