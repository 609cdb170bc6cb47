// Issue 20, item 2, over HTTP with the real mail: staff record the municipality's inspection of
// a dwelling; a failed item sends the offer back to the landlord, whose mail names it, and
// approval needs a passed inspection unless the admin's setting says otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Constants } from '../../src/lib/database.types';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER, passedInspection } from '../helpers/dwellings';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';
import { seedId } from '../helpers/seed';

const ITEMS = Constants.public.Enums.inspection_item;
let app: RunningApp;
let staff: Client;

beforeAll(async () => {
	app = await startApp(appEnv());
	staff = new Client(app.url);
	expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
});
afterAll(() => app?.stop());

/** a submitted offer of the demo landlord utleigar@example.no (null: the municipality's own) */
async function submitted(landlordId: string | null = seedId('user:landlord:1')) {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street: `Synfaringsvegen ${Date.now() % 100000}`, landlord_id: landlordId, status: 'submitted' })
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

/** the inspection form as a browser sends it: every item in order, but those given */
const visit = (over: Record<string, string> = {}) => ({
	inspected_on: '2027-01-12',
	remarks: '',
	...Object.fromEntries(
		ITEMS.flatMap((item) => [
			[`item_${item}`, 'ok'],
			[`note_${item}`, '']
		])
	),
	...over
});

const approve = (id: string) => staff.post(`/staff/dwellings/${id}?/review`, { decision: 'approved', message: '' });
const statusOf = async (id: string) => (await serviceClient().from('dwellings').select('status').eq('id', id).single()).data?.status;

describe('an inspection', () => {
	it('that fails an item of an approved offer sends it back too, and keeps the visit', async () => {
		const id = await submitted();
		await passedInspection(id);
		expect(location(await approve(id))).toMatch(/\?reviewed/);
		expect(await statusOf(id)).toBe('approved');
		const note = `Fukt på badet (${Date.now()})`;
		const res = await staff.post(`/staff/dwellings/${id}?/inspect`, visit({ item_damp: 'failed', note_damp: note }));
		expect(location(res)).toBe(`/staff/dwellings/${id}?sent_back`);
		expect(await statusOf(id)).toBe('needs_changes');
		const { data } = await serviceClient().from('inspections').select('passed').eq('dwelling_id', id).order('created_at');
		expect(data!.map((v) => v.passed)).toEqual([true, false]);
	});

	it('refuses a date the database cannot keep at its field, and stores nothing', async () => {
		const id = await submitted();
		const res = await staff.post(`/staff/dwellings/${id}?/inspect`, visit({ inspected_on: '0202-05-01' }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Skriv ein dato mellom år 2000 og 2100.');
		expect((await serviceClient().from('inspections').select('id').eq('dwelling_id', id)).data).toEqual([]);
	});

	it('of a failed item without a note is refused by the database too', async () => {
		const id = await submitted();
		const findings = ITEMS.map((item) => ({ item, result: item === 'heating' ? 'failed' : 'ok', note: item === 'heating' ? ' ' : '' }));
		const { error } = await serviceClient().rpc('record_inspection', {
			p_dwelling: id,
			p_staff: seedId('user:staff'),
			p_inspected_on: '2027-01-05',
			p_findings: findings,
			p_remarks: ''
		});
		expect(error?.message).toContain('inspection_findings_failed_has_note');
	});

	it('that fails an item sends the offer back, and the landlord’s mail names the item and the note', async () => {
		const id = await submitted();
		const note = `Ingen røykvarslar i kjellaren (${Date.now()})`;
		const res = await staff.post(`/staff/dwellings/${id}?/inspect`, visit({ item_smoke_alarms: 'failed', note_smoke_alarms: note }));
		expect(location(res)).toBe(`/staff/dwellings/${id}?sent_back`);
		expect(await statusOf(id)).toBe('needs_changes');
		const mail = await mailTo('utleigar@example.no', /^Vi treng litt meir om bustaden din$/, note);
		expect(mail.text).toContain(`Røykvarslar i kvar etasje: ${note}`);
		expect(mail.text).toContain(`/landlord/dwellings/${id}`);
		// the landlord's page names what to mend, not who inspected
		const landlord = new Client(app.url);
		expect((await landlord.login('utleigar@example.no')).status).toBe(303);
		const own = await (await landlord.get(`/landlord/dwellings/${id}`)).text();
		expect(own).toContain(`Røykvarslar i kvar etasje: ${note}`);
		expect(own).not.toContain('Torbjørn Sakshandsamar');
		// staff's page lists the visit, not passed, with the failed item
		const page = await (await staff.get(`/staff/dwellings/${id}`)).text();
		expect(page).toContain('Ikkje bestått');
		expect(page).toContain(note);
	});

	it('must pass before approval: refused first, approved after a passed visit', async () => {
		const id = await submitted(null);
		const refused = await approve(id);
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('Bustaden kan ikkje godkjennast før ei synfaring er bestått.');
		expect(await statusOf(id)).toBe('submitted');

		expect(location(await staff.post(`/staff/dwellings/${id}?/inspect`, visit({ item_step_free: 'not_applicable' })))).toBe(
			`/staff/dwellings/${id}?inspected`
		);
		expect(await statusOf(id)).toBe('submitted');
		expect(location(await approve(id))).toBe(`/staff/dwellings/${id}?reviewed`);
		expect(await statusOf(id)).toBe('approved');
		const { data } = await serviceClient().from('inspections').select('passed, inspector_id').eq('dwelling_id', id);
		expect(data).toEqual([{ passed: true, inspector_id: seedId('user:staff') }]);
	});

	it('with an item left out, or a failed item without a note, says so next to it, keeps what was typed and stores nothing', async () => {
		const id = await submitted(null);
		const unanswered: Record<string, string> = visit({ remarks: 'Vi kom att neste veke' });
		delete unanswered.item_heating;
		const noNote = visit({ item_damp: 'failed', remarks: 'Vi kom att neste veke' });
		for (const [posted, message] of [
			[unanswered, 'Vel eitt av alternativa.'],
			[noNote, 'Skriv kva som må rettast.']
		] as const) {
			const res = await staff.post(`/staff/dwellings/${id}?/inspect`, posted);
			expect(res.status).toBe(400);
			const html = await res.text();
			expect(html).toContain(message);
			expect(html).toContain('Vi kom att neste veke');
		}
		const { count } = await serviceClient().from('inspections').select('*', { count: 'exact', head: true }).eq('dwelling_id', id);
		expect(count).toBe(0);
		expect(await statusOf(id)).toBe('submitted');
	});

	it('is not needed for approval when the admin says so', async () => {
		const admin = new Client(app.url);
		expect((await admin.login('admin@fjordvik.kommune.no')).status).toBe(303);
		const id = await submitted(null);
		try {
			expect(location(await admin.post('/staff/admin/settings?/inspection', { approval_needs_inspection: 'no' }))).toBe(
				'/staff/admin/settings?saved'
			);
			expect(location(await approve(id))).toBe(`/staff/dwellings/${id}?reviewed`);
		} finally {
			await admin.post('/staff/admin/settings?/inspection', { approval_needs_inspection: 'yes' });
		}
		const { data } = await serviceClient().from('municipality_settings').select('approval_needs_inspection').single();
		expect(data?.approval_needs_inspection).toBe(true);
	});
});
