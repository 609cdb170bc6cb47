// What the municipality offers landlords and volunteers, and whom to call (issue 17, item
// 15): an admin edits the contact details and the texts of /for-landlords and
// /for-volunteers; the public pages and the about page show them, as text (never as HTML),
// and every mail's footer carries the contact, as the real SMTP server receives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { address } from '../helpers/mail';
import { mailTo } from '../helpers/mailbox';

let app: RunningApp;
let seedContact: { name: string; contact_phone: string | null; contact_email: string | null; contact_address: string | null };
beforeAll(async () => {
	app = await startApp(appEnv());
	const { data } = await serviceClient()
		.from('municipality_settings')
		.select('name, contact_phone, contact_email, contact_address')
		.single();
	seedContact = data!;
});
afterAll(async () => {
	// the demo's values back, and the app's own texts
	await serviceClient().from('municipality_settings').update(seedContact).eq('id', true);
	await serviceClient().from('page_texts').delete().in('page', ['landlords', 'volunteers']);
	await app?.stop();
});

const CONTACT = {
	name: 'Fjordvik kommune, flyktningtenesta',
	phone: '+47 56 12 34 56',
	email: 'flyktning@fjordvik.kommune.no',
	address: 'Rådhusvegen 1, 5999 Fjordvik'
};

async function admin() {
	const client = new Client(app.url);
	expect((await client.login('admin@fjordvik.kommune.no')).status).toBe(303);
	return client;
}

/** a page's HTML without Svelte's hydration markers (<!--[-->), as a reader's browser shows it */
const page = async (path: string, client = new Client(app.url)) => (await (await client.get(path)).text()).replace(/<!--[^]*?-->/g, '');

const texts = (over: Record<string, string>) => ({ page: 'landlords', body_nn: '', body_nb: '', body_en: '', body_uk: '', ...over });

describe('the municipality’s contact details', () => {
	it('are saved by an admin and shown on the about page and the page for landlords', async () => {
		const client = await admin();
		const saved = await client.post('/staff/admin/settings?/contact', CONTACT);
		expect(saved.status).toBe(303);
		expect(location(saved)).toBe('/staff/admin/settings?saved');
		const anonymous = new Client(app.url);
		for (const path of ['/about', '/for-landlords', '/for-volunteers']) {
			const html = await page(path, anonymous);
			expect(html, path).toContain('Fjordvik kommune, flyktningtenesta');
			expect(html, path).toContain('href="tel:+4756123456"');
			expect(html, path).toContain('href="mailto:flyktning@fjordvik.kommune.no"');
			expect(html, path).toContain('Rådhusvegen 1, 5999 Fjordvik');
		}
	});

	it('are refused when malformed, each field named, and nothing changes', async () => {
		const client = await admin();
		const before = (await serviceClient().from('municipality_settings').select('contact_email').single()).data;
		const res = await client.post('/staff/admin/settings?/contact', {
			name: '',
			phone: 'ring meg',
			email: 'ikkje-ei-adresse',
			address: 'x'
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('id="c-phone-error"');
		expect(html).toContain('id="c-email-error"');
		expect(html).toContain('id="c-name-error"');
		expect((await serviceClient().from('municipality_settings').select('contact_email').single()).data).toEqual(before);
	});

	it('stand in the footer of a mail as the SMTP server receives it', async () => {
		const client = await admin();
		expect((await client.post('/staff/admin/settings?/contact', CONTACT)).status).toBe(303);
		const to = address('footer');
		const { error } = await serviceClient().rpc('enqueue_notification', {
			p_recipient: to,
			p_template: 'account_exists',
			p_locale: 'nn',
			p_payload: { name: 'Kari' },
			p_idempotency_key: `footer:${to}`
		});
		expect(error).toBeNull();
		const mail = await mailTo(to);
		const footer = mail.text.split('\n--\n')[1] ?? '';
		expect(footer).toContain(
			'Spørsmål? Ta kontakt: Fjordvik kommune, flyktningtenesta · +47 56 12 34 56 · flyktning@fjordvik.kommune.no · Rådhusvegen 1, 5999 Fjordvik'
		);
	});
});

describe('the page for landlords', () => {
	it('shows the text an admin wrote in the reader’s language, and the app’s own in the others', async () => {
		const client = await admin();
		const res = await client.post(
			'/staff/admin/settings?/texts',
			texts({
				body_nn: 'Kommunen skriv under leigekontrakten.\n\nDepositumsgaranti:\n\n- inntil tre månader\n- sjå https://www.husbanken.no.'
			})
		);
		expect(res.status).toBe(303);
		const html = await page('/for-landlords');
		expect(html).toContain('<p>Kommunen skriv under leigekontrakten.</p>');
		expect(html).toMatch(/<li>inntil tre månader<\/li>/);
		expect(html).toContain('<a href="https://www.husbanken.no">https://www.husbanken.no</a>.');
		// English has no text of the admin's: the app's own
		const english = await page('/for-landlords', new Client(app.url, '127.0.0.1', 'en'));
		expect(english).toContain('<h1>For landlords</h1>');
		expect(english).toContain('deposit guarantee');
		expect(english).not.toContain('leigekontrakten');
	});

	it('shows script and HTML in the text as text, never as markup', async () => {
		const client = await admin();
		const hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">klikk</a>';
		expect((await client.post('/staff/admin/settings?/texts', texts({ body_nn: hostile }))).status).toBe(303);
		const html = await page('/for-landlords');
		expect(html).toContain('&lt;script>alert("x")&lt;/script>');
		expect(html).toContain('&lt;img src=x onerror=alert(1)>');
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;a href="javascript:alert(1)">klikk&lt;/a>');
		expect(html).not.toMatch(/<a [^>]*href="javascript:/);
	});

	it('goes back to the app’s own text when the admin empties the field', async () => {
		const client = await admin();
		expect((await client.post('/staff/admin/settings?/texts', texts({ body_nn: 'Eigen tekst' }))).status).toBe(303);
		expect(await page('/for-landlords')).toContain('Eigen tekst');
		expect((await client.post('/staff/admin/settings?/texts', texts({}))).status).toBe(303);
		const html = await page('/for-landlords');
		expect(html).not.toContain('Eigen tekst');
		expect(html).toContain('depositumsgaranti');
		const { data } = await serviceClient().from('page_texts').select('locale').eq('page', 'landlords');
		expect(data).toEqual([]);
	});
});

describe('the page for volunteers', () => {
	it('explains the police certificate and where to apply, linked from the volunteer’s profile', async () => {
		const html = await page('/for-volunteers');
		expect(html).toContain('<h1>For frivillige</h1>');
		expect(html).toContain('politiattest for frivillig arbeid med born');
		expect(html).toContain('<a href="https://www.politiet.no">https://www.politiet.no</a>');
		const volunteer = new Client(app.url);
		expect((await volunteer.login('frivillig03@example.no')).status).toBe(303);
		expect(await (await volunteer.get('/volunteer/profile')).text()).toContain('href="/for-volunteers"');
	});
});
