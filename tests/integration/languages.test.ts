import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { mailTo } from '../helpers/mailbox';

let app: RunningApp;
beforeAll(async () => {
	// tests pretend to come from different addresses, so per-address limits stay theirs
	app = await startApp(appEnv({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }));
});
afterAll(() => app?.stop());

const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const newAddress = () => `sprak-${randomUUID().slice(0, 8)}@example.no`;
const PASSWORD = 'ein lang nok setning';

const langOf = (html: string) => html.match(/<html lang="([^"]+)"/)?.[1];

async function page(client: Client, path = '/') {
	const html = await (await client.get(path)).text();
	return { lang: langOf(html), html };
}

/** a new volunteer, logged in, in a browser with these languages */
async function loggedIn(languages?: string) {
	const client = new Client(app.url, uniqueIp(), languages);
	const email = newAddress();
	await client.post('/register', { role: 'volunteer', display_name: 'Olena Frivillig', email, password: PASSWORD });
	expect(location(await client.login(email, PASSWORD))).toBe('/volunteer');
	return { client, email };
}

async function savedLocale(email: string) {
	const { data, error } = await serviceClient().from('users').select('locale').eq('email', email).single();
	if (error) throw error;
	return data.locale;
}

describe('the language of a page', () => {
	it('is Nynorsk when the browser names no language', async () => {
		const { lang, html } = await page(new Client(app.url, uniqueIp()));
		expect(lang).toBe('nn');
		expect(html).toContain('Saman om å busetje flyktningar');
	});

	it('follows the browser: Bokmål for a Norwegian browser, Ukrainian, English', async () => {
		const bokmal = await page(new Client(app.url, uniqueIp(), 'nb-NO,nb;q=0.9,no;q=0.8,en;q=0.7'));
		expect(bokmal.lang).toBe('nb');
		expect(bokmal.html).toContain('Sammen om å bosette flyktninger');
		const ukrainian = await page(new Client(app.url, uniqueIp(), 'uk-UA,uk;q=0.9,ru;q=0.8'));
		expect(ukrainian.lang).toBe('uk');
		expect(ukrainian.html).toContain('Разом поселяємо біженців');
		expect((await page(new Client(app.url, uniqueIp(), 'en-GB,en;q=0.9'))).lang).toBe('en');
		// a language the service does not have falls back to Nynorsk
		expect((await page(new Client(app.url, uniqueIp(), 'de-DE,de;q=0.9'))).lang).toBe('nn');
	});

	it('follows the switcher over the browser', async () => {
		const client = new Client(app.url, uniqueIp(), 'nb-NO,nb;q=0.9');
		expect(location(await client.post('/language', { locale: 'uk', redirect_to: '/login' }))).toBe('/login');
		const { lang, html } = await page(client, '/login');
		expect(lang).toBe('uk');
		expect(html).toContain('Забули пароль?');
	});

	it('follows a logged-in person’s saved setting over the cookie and the browser', async () => {
		const { client, email } = await loggedIn('en-GB');
		expect(location(await client.post('/account?/locale', { locale: 'uk' }))).toBe('/account?language');
		expect(await savedLocale(email)).toBe('uk');
		const account = await page(client, '/account?language');
		expect(account.lang).toBe('uk');
		expect(account.html).toContain('Мову збережено.');

		// a cookie from elsewhere (another tab, an old choice) does not override the setting,
		// and is put back in step so the browser's runtime agrees with the page
		client.setCookie('PARAGLIDE_LOCALE', 'en');
		expect((await page(client, '/volunteer')).lang).toBe('uk');
		expect(client.cookie('PARAGLIDE_LOCALE')).toBe('uk');

		// after logging out, the choice stays with the browser
		await client.post('/logout');
		expect((await page(client, '/')).lang).toBe('uk');
	});

	it('changes a logged-in person’s saved setting from the switcher, and their mails follow', async () => {
		const { client, email } = await loggedIn();
		expect(await savedLocale(email)).toBe('nn');
		await client.post('/language', { locale: 'nb', redirect_to: '/account' });
		expect(await savedLocale(email)).toBe('nb');
		expect((await page(client, '/account')).lang).toBe('nb');

		await client.post('/account?/resend');
		const mail = await mailTo(email, /Bekreft e-postadressen din/);
		expect(mail.text).toContain('Hei Olena Frivillig,');
		expect(mail.text).toContain('Hilsen flyktningtjenesten');
	});

	it('sends account mails in Ukrainian to someone who chose Ukrainian', async () => {
		const { client, email } = await loggedIn();
		await client.post('/account?/locale', { locale: 'uk' });
		await client.post('/account?/resend');
		const mail = await mailTo(email, /Підтвердьте свою електронну адресу/);
		expect(mail.text).toContain('Вітаємо, Olena Frivillig!');
	});

	it('refuses a language the service does not have', async () => {
		const { client, email } = await loggedIn();
		expect((await client.post('/account?/locale', { locale: 'de' })).status).toBe(400);
		expect(await savedLocale(email)).toBe('nn');
	});
});
