// The demo (supabase/seed.sql, which every test stack loads) should look like a real
// municipality's month: tasks on the days and at the hours such tasks happen, in Norwegian
// time, spread over the weeks; offers with their floor and lift; some localities near a
// health centre.
import { describe, expect, it } from 'vitest';
import { sql } from '../../scripts/stack/migrate.ts';
import { stackEnv } from '../helpers/env';

type SeededTask = { n: number; type: string; status: string; dow: number; starts: string; ends: string; days_ahead: number };

async function seededTasks(): Promise<SeededTask[]> {
	const { rows } = await sql(
		stackEnv().databaseUrl,
		`select n, t.type::text as type, t.status::text as status,
		   extract(isodow from t.starts_at at time zone 'Europe/Oslo')::int as dow,
		   to_char(t.starts_at at time zone 'Europe/Oslo', 'HH24:MI') as starts,
		   to_char(t.ends_at at time zone 'Europe/Oslo', 'HH24:MI') as ends,
		   (public.oslo_date(t.starts_at) - public.oslo_today())::int as days_ahead
		 from generate_series(1, 20) as n
		 join public.tasks t on t.id = md5('task:' || n)::uuid
		 order by n`
	);
	return rows as SeededTask[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];

describe('the demo data', () => {
	it('puts every task between 08:00 and 20:00 Norwegian time, on a day such a task happens', async () => {
		const tasks = await seededTasks();
		expect(tasks).toHaveLength(20);
		for (const t of tasks) {
			const at = `task ${t.n} (${t.type}) ${t.starts}–${t.ends} on day ${t.dow}`;
			expect(t.starts >= '08:00' && t.starts <= '20:00', at).toBe(true);
			expect(t.ends > t.starts && t.ends <= '21:00', at).toBe(true);
			if (t.type === 'language_practice') {
				// the language café: a weekday evening
				expect(t.starts >= '17:00', at).toBe(true);
				expect(WEEKDAYS, at).toContain(t.dow);
			} else if (t.type === 'furniture' || t.type === 'other') {
				// fetching furniture, the working bee: Saturday, daytime
				expect(t.dow, at).toBe(6);
				expect(t.starts >= '09:00' && t.ends <= '17:00', at).toBe(true);
			} else {
				// moving, driving, showing the way, interpreting at school: weekday office hours
				expect(WEEKDAYS, at).toContain(t.dow);
				expect(t.starts >= '08:00' && t.ends <= '16:00', at).toBe(true);
			}
		}
	});

	it('has the done and cancelled tasks behind and the open ones ahead, spread over several weeks', async () => {
		const tasks = await seededTasks();
		for (const t of tasks) {
			if (t.status === 'open') expect(t.days_ahead, `task ${t.n}`).toBeGreaterThan(0);
			else expect(t.days_ahead, `task ${t.n}`).toBeLessThan(0);
		}
		const weeks = new Set(tasks.map((t) => Math.floor(t.days_ahead / 7)));
		expect(weeks.size).toBeGreaterThanOrEqual(6);
		// no more than three tasks on one day
		const perDay = new Map<number, number>();
		for (const t of tasks) perDay.set(t.days_ahead, (perDay.get(t.days_ahead) ?? 0) + 1);
		expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
	});

	it('gives the offers a floor and a lift, and marks some localities near a health centre', async () => {
		const { rows } = await sql(
			stackEnv().databaseUrl,
			`select d.floor, d.lift from generate_series(1, 40) as n join public.dwellings d on d.id = md5('dwelling:' || n)::uuid`
		);
		const floors = rows as { floor: number | null; lift: boolean }[];
		expect(floors.some((d) => d.floor === 1)).toBe(true);
		expect(floors.some((d) => d.floor !== null && d.floor > 1 && d.lift)).toBe(true);
		expect(floors.some((d) => d.floor !== null && d.floor > 1 && !d.lift)).toBe(true);
		expect(floors.some((d) => d.floor === null)).toBe(true);
		const { rows: near } = await sql(
			stackEnv().databaseUrl,
			`select name from public.localities where near_health_centre and name in ('Straumvik', 'Lid', 'Nesheim', 'Haugland', 'Sætre', 'Vågøy')`
		);
		expect(near.length).toBeGreaterThan(0);
	});
});
