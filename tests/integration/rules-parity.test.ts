// Rules that have their home in SQL (20261202110000_one_home_for_each_rule.sql) and that
// TypeScript either reads from the database or mirrors: a mirror must give the same
// answers as its home, and what TypeScript reads must be what the database enforces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sql } from '../../scripts/stack/migrate.ts';
import { Constants } from '../../src/lib/database.types';
import { candidates } from '../../src/lib/server/db/invitations';
import { stageOf } from '../../src/lib/server/matching/score';
import { osloClock } from '../../src/lib/server/matching/suggest-volunteers';
import { serviceClient } from '../helpers/clients';
import { stackEnv } from '../helpers/env';
import { seedId } from '../helpers/seed';
import { signUp, task, volunteers } from '../helpers/tasks';

const STAFF = seedId('user:staff');

describe('the school stage of an age', () => {
	it('is the same in the matching engine as in public.school_stage, for every age a member can have', async () => {
		const ages = [...Array.from({ length: 121 }, (_, age) => age), null];
		const { rows } = await sql(
			stackEnv().databaseUrl,
			`select a.age, public.school_stage(a.age) as stage from unnest($1::int[]) with ordinality as a (age, n) order by n`,
			[ages]
		);
		const disagreements = rows.filter((r) => (r.age === null ? null : stageOf(r.age)) !== r.stage);
		expect(disagreements).toEqual([]);
		// every stage comes up, and the list of stages is the generated enum's
		expect(new Set(rows.map((r) => r.stage).filter(Boolean))).toEqual(new Set(Constants.public.Enums.school_stage));
	});
});

describe('the Norwegian date of an instant', () => {
	it('is the same in TypeScript as in public.oslo_date, around midnight and the changes of summer time', async () => {
		// instants within two hours of midnight UTC on days around the 2027 and 2028 clock changes
		const days = ['2027-03-27', '2027-03-28', '2027-10-30', '2027-10-31', '2028-03-26', '2028-10-29', '2027-06-15', '2027-12-31'];
		const instant = fc
			.tuple(fc.constantFrom(...days), fc.integer({ min: -150, max: 150 }))
			.map(([day, minutes]) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000).toISOString());
		const instants = fc.sample(instant, { numRuns: 500, seed: 20261202 });
		const { rows } = await sql(
			stackEnv().databaseUrl,
			`select to_char(public.oslo_date(t), 'YYYY-MM-DD') as date from unnest($1::timestamptz[]) with ordinality as x (t, n) order by n`,
			[instants]
		);
		const disagreements = instants
			.map((at, i) => ({ at, ts: osloClock(new Date(at)).date, sql: rows[i].date }))
			.filter((x) => x.ts !== x.sql);
		expect(disagreements.slice(0, 5)).toEqual([]);
		// the sample crosses midnight both in Norway and in UTC
		expect(new Set(instants.map((at) => at.slice(0, 10) === osloClock(new Date(at)).date))).toEqual(new Set([true, false]));
	});
});

describe('a police certificate on a task with children', () => {
	it('counts up to the Norwegian date the task ends, for sign-up and for the staff’s ranking alike', async () => {
		// ends at 00:30 on 11 March in Norway, which is still 10 March in UTC
		const endsAt = '2027-03-10T23:30:00Z';
		const taskId = await task({ requires_police_certificate: true, starts_at: '2027-03-10T20:00:00Z', ends_at: endsAt });
		const [runsOut, holds] = await volunteers(2, 'Sertifikat Prøve');
		const db = serviceClient();
		for (const [v, expires] of [
			[runsOut, '2027-03-10'],
			[holds, '2027-03-11']
		] as const) {
			const { error } = await db.rpc('record_police_certificate', {
				p_volunteer: v.id,
				p_staff: STAFF,
				p_seen_on: '2026-01-01',
				p_expires_on: expires
			});
			expect(error).toBeNull();
		}

		const refused = await signUp(taskId, runsOut.id);
		expect(refused.error?.hint).toBe('certificate_required');
		const signed = await signUp(taskId, holds.id);
		expect(signed.error).toBeNull();
		expect(signed.data).toBe('confirmed');

		const ranked = await candidates({ id: taskId, starts_at: '2027-03-10T20:00:00Z', ends_at: endsAt }, new Set(), new Set());
		const valid = (id: string) => ranked.find((v) => v.id === id)?.certificateValid;
		expect(valid(runsOut.id)).toBe(false);
		expect(valid(holds.id)).toBe(true);
	});

	it('holds a later end of the task to the same date when staff move it', async () => {
		const taskId = await task({ requires_police_certificate: true, starts_at: '2027-04-10T18:00:00Z', ends_at: '2027-04-10T20:00:00Z' });
		const [v] = await volunteers(1, 'Sertifikat Flytt');
		await serviceClient().rpc('record_police_certificate', {
			p_volunteer: v.id,
			p_staff: STAFF,
			p_seen_on: '2026-01-01',
			p_expires_on: '2027-04-10'
		});
		expect((await signUp(taskId, v.id)).data).toBe('confirmed');
		// 22:30 UTC is half past midnight on 11 April in Norway (summer time)
		const { error } = await serviceClient().rpc('update_task', { p_task: taskId, p_changes: { ends_at: '2027-04-10T22:30:00Z' } });
		expect(error?.hint).toBe('certificate_required');
	});
});
