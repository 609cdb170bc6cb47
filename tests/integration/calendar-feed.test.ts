// A volunteer's calendar feed at a secret address: no login, confirmed tasks only, times
// that show right in Norway, and a new address ends the old one at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromOsloLocal } from '../../src/lib/dates';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client } from '../helpers/http';
import { HOUR, signUp, task, volunteers } from '../helpers/tasks';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
});
afterAll(() => app?.stop());

/** make a new feed address on the volunteer's page; the path of the address it shows once */
async function newAddress(client: Client): Promise<string> {
	const res = await client.post('/volunteer?/calendar');
	expect(res.status).toBe(200);
	// shown as a link, which works without JavaScript (the copy button comes only with it)
	const match = (await res.text()).match(/<a href="https?:\/\/[^/"]+(\/calendar\/[a-z0-9.]+\.ics)"/);
	expect(match).not.toBeNull();
	return match![1];
}

describe('the calendar feed', () => {
	it('holds the volunteer’s confirmed, not cancelled tasks, at their Norwegian times, without logging in', async () => {
		const [p, q] = await volunteers(2);
		const y = new Date().getFullYear() + 1;
		const winter = await task({
			starts_at: fromOsloLocal(`${y}-01-12T10:00`).toISOString(),
			ends_at: fromOsloLocal(`${y}-01-12T13:00`).toISOString()
		});
		const summer = await task({
			starts_at: fromOsloLocal(`${y}-06-15T18:30`).toISOString(),
			ends_at: fromOsloLocal(`${y}-06-15T20:00`).toISOString()
		});
		const waiting = await task({ volunteers_needed: 1 }, 300 * HOUR);
		const cancelled = await task({}, 310 * HOUR);
		const elsewhere = await task({}, 320 * HOUR);
		for (const t of [winter, summer, cancelled]) expect((await signUp(t, p.id)).data).toBe('confirmed');
		await signUp(waiting, q.id);
		expect((await signUp(waiting, p.id)).data).toBe('waitlisted');
		await signUp(elsewhere, q.id);
		await serviceClient().rpc('cancel_task', { p_task: cancelled, p_staff: q.id, p_reason: 'Test' });

		const client = new Client(app.url);
		await client.login(p.email);
		const path = await newAddress(client);
		expect(await (await client.get('/volunteer')).text()).toContain('Du laga ei kalenderadresse');

		const feed = await new Client(app.url).get(path);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toContain('text/calendar');
		const ics = await feed.text();
		expect(ics).toContain(`UID:${winter}@busett`);
		expect(ics).toContain(`UID:${summer}@busett`);
		for (const absent of [waiting, cancelled, elsewhere]) expect(ics).not.toContain(`UID:${absent}@busett`);
		expect(ics).toContain('X-WR-TIMEZONE:Europe/Oslo');
		// 10:00 in Oslo in January is 09:00 UTC; 18:30 in June is 16:30 UTC
		expect(ics).toContain(`DTSTART:${y}0112T090000Z`);
		expect(ics).toContain(`DTEND:${y}0112T120000Z`);
		expect(ics).toContain(`DTSTART:${y}0615T163000Z`);
	});

	it('shows the new address as a link to follow or copy, with no copy button before JavaScript runs', async () => {
		const [p] = await volunteers(1);
		const client = new Client(app.url);
		await client.login(p.email);
		const res = await client.post('/volunteer?/calendar');
		const html = await res.text();
		const link = html.match(/<a href="(https?:\/\/[^"]+\/calendar\/[a-z0-9.]+\.ics)">([^<]+)<\/a>/);
		expect(link).not.toBeNull();
		// the link's text is the address itself, to select and copy by hand
		expect(link![2]).toBe(link![1]);
		// no read-only field to fish it out of, and the copy button is made in the browser only
		expect(html).not.toMatch(/<input[^>]*readonly/);
		expect(html).not.toContain('Kopier adressa');
	});

	it('stops answering at the old address once a new one is made, and at none once turned off', async () => {
		const [p] = await volunteers(1);
		const client = new Client(app.url);
		await client.login(p.email);
		const first = await newAddress(client);
		expect((await new Client(app.url).get(first)).status).toBe(200);
		const second = await newAddress(client);
		expect(second).not.toBe(first);
		expect((await new Client(app.url).get(first)).status).toBe(404);
		expect((await new Client(app.url).get(second)).status).toBe(200);
		// only the hash of the secret is stored
		const { data } = await serviceClient().from('calendar_feeds').select('id, secret_hash').eq('user_id', p.id).single();
		const secret = second.split('/').pop()!.replace('.ics', '').split('.')[1];
		expect(JSON.stringify(data)).not.toContain(secret);
		// a wrong secret with the right id is not found either
		expect((await new Client(app.url).get(`/calendar/${data!.id}.${'a'.repeat(24)}.ics`)).status).toBe(404);

		expect((await client.post('/volunteer?/calendarStop')).status).toBe(200);
		expect((await new Client(app.url).get(second)).status).toBe(404);
	});
});
