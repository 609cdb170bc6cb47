import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { linkIn, mailTo, mailsTo } from '../helpers/mailbox';

let app: RunningApp;
beforeAll(async () => {
	// tests pretend to come from different addresses, so per-address limits stay theirs
	app = await startApp(appEnv({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }));
});
afterAll(() => app?.stop());

const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const newAddress = () => `konto-${randomUUID().slice(0, 8)}@example.no`;
const PASSWORD = 'ein lang nok setning';

async function register(client: Client, email: string, role = 'landlord') {
	return client.post('/register', { role, display_name: 'Kari Utleigar', email, password: PASSWORD });
}

describe('registration, verification and login', () => {
	it('registers a landlord, sends the verification mail, verifies and logs in', async () => {
		const client = new Client(app.url, uniqueIp());
		const email = newAddress();
		const res = await register(client, email);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Sjekk e-posten din');

		const mail = await mailTo(email, /Stadfest e-postadressa/);
		const verifyPath = linkIn(mail, '/verify');
		expect((await client.get(verifyPath)).status).toBe(200);
		const verified = await client.post(verifyPath);
		expect(verified.status).toBe(303);
		expect(location(verified)).toBe('/login?verified');

		const login = await client.login(email, PASSWORD);
		expect(login.status).toBe(303);
		expect(location(login)).toBe('/landlord');
		expect(client.cookie('busett_session')).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
		expect((await client.get('/landlord')).status).toBe(200);

		const { data } = await serviceClient().from('users').select('email_verified_at, password_hash').eq('email', email).single();
		expect(data!.email_verified_at).not.toBeNull();
		expect(data!.password_hash).toMatch(/^\$argon2id\$/);
	});

	it('stores only the hash of the session secret, and logs out with a POST', async () => {
		const client = new Client(app.url, uniqueIp());
		await client.login('frivillig@example.no');
		const [id, secret] = client.cookie('busett_session')!.split('.');
		const { data } = await serviceClient().from('sessions').select('secret_hash').eq('id', id).single();
		expect(String(data!.secret_hash)).not.toContain(Buffer.from(secret).toString('hex'));
		expect(String(data!.secret_hash)).toMatch(/^\\x[0-9a-f]{64}$/);

		const out = await client.post('/logout');
		expect(location(out)).toBe('/login?loggedout');
		const { count } = await serviceClient().from('sessions').select('*', { count: 'exact', head: true }).eq('id', id);
		expect(count).toBe(0);
		expect(location(await client.get('/volunteer'))).toMatch(/^\/login/);
	});

	it('refuses a forged session cookie', async () => {
		const client = new Client(app.url, uniqueIp());
		await client.login('frivillig@example.no');
		const [id] = client.cookie('busett_session')!.split('.');
		const forger = new Client(app.url);
		forger.setCookie('busett_session', `${id}.${'a'.repeat(24)}`);
		expect(location(await forger.get('/volunteer'))).toMatch(/^\/login/);
	});

	it('shows field errors in the reader’s language, keeps what was typed but not the password, stores nothing', async () => {
		const client = new Client(app.url, uniqueIp());
		const email = `bad-${randomUUID().slice(0, 6)}`;
		const res = await client.post('/register', { role: 'volunteer', display_name: 'Ola', email, password: 'kort' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Skriv ei gyldig e-postadresse');
		expect(html).toContain('Passordet må ha minst 10 teikn.');
		expect(html).toContain(`value="${email}"`);
		expect(html).not.toContain('value="kort"');
		const { count } = await serviceClient().from('users').select('*', { count: 'exact', head: true }).eq('email', email);
		expect(count).toBe(0);
	});

	it('refuses a common password and an address already in use', async () => {
		const client = new Client(app.url, uniqueIp());
		const common = await client.post('/register', { role: 'volunteer', display_name: 'Ola', email: newAddress(), password: 'Passord123' });
		expect(await common.text()).toContain('Dette passordet er for vanleg');
		const taken = await client.post('/register', {
			role: 'volunteer',
			display_name: 'Ola',
			email: 'FRIVILLIG@example.no',
			password: PASSWORD
		});
		expect(taken.status).toBe(409);
		expect(await taken.text()).toContain('Det finst alt ein konto med denne e-postadressa');
	});
});

describe('rate limits', () => {
	it('refuses the 11th login after 10 wrong passwords, even with the right one', async () => {
		const email = newAddress();
		await register(new Client(app.url, uniqueIp()), email);
		for (let i = 1; i <= 10; i++) {
			const res = await new Client(app.url, uniqueIp()).login(email, `feil passord nr ${i}`);
			expect(res.status, `attempt ${i}`).toBe(400);
			expect(await res.text()).toContain('Feil e-postadresse eller passord.');
		}
		const eleventh = await new Client(app.url, uniqueIp()).login(email, PASSWORD);
		expect(eleventh.status).toBe(429);
		expect(await eleventh.text()).toContain('For mange forsøk');
	});

	it('counts failures per address too, across accounts', async () => {
		const ip = uniqueIp();
		for (let i = 0; i < 10; i++) await new Client(app.url, ip).login(newAddress(), 'feil passord heilt');
		const res = await new Client(app.url, ip).login('frivillig@example.no');
		expect(res.status).toBe(429);
		// the same account from elsewhere is fine
		expect((await new Client(app.url, uniqueIp()).login('frivillig@example.no')).status).toBe(303);
	});
});

describe('password reset', () => {
	it('sends a single-use link that sets a new password and ends every session', async () => {
		const email = newAddress();
		const owner = new Client(app.url, uniqueIp());
		await register(owner, email);
		expect(location(await owner.login(email, PASSWORD))).toBe('/landlord');

		const asker = new Client(app.url, uniqueIp());
		const answer = await asker.post('/reset', { email });
		expect(await answer.text()).toContain('Viss det finst ein konto med denne adressa');
		const resetPath = linkIn(await mailTo(email, /Lag nytt passord/), '/reset');

		const set = await asker.post(resetPath, { password: 'eit heilt nytt passord', password_confirm: 'eit heilt nytt passord' });
		expect(location(set)).toBe('/login?reset');
		// the old session is gone, the old password too
		expect(location(await owner.get('/landlord'))).toMatch(/^\/login/);
		expect((await new Client(app.url, uniqueIp()).login(email, PASSWORD)).status).toBe(400);
		expect(location(await new Client(app.url, uniqueIp()).login(email, 'eit heilt nytt passord'))).toBe('/landlord');

		// used once, never again
		const again = await asker.post(resetPath, { password: 'enno eit nytt passord', password_confirm: 'enno eit nytt passord' });
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('Lenkja er ikkje gyldig lenger');
	});

	it('answers the same for an address without an account, and sends nothing', async () => {
		const email = newAddress();
		const res = await new Client(app.url, uniqueIp()).post('/reset', { email });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Viss det finst ein konto med denne adressa');
		await new Promise((r) => setTimeout(r, 1500));
		expect(await mailsTo(email)).toEqual([]);
	});

	it('refuses an expired link', async () => {
		const email = newAddress();
		await register(new Client(app.url, uniqueIp()), email);
		await new Client(app.url, uniqueIp()).post('/reset', { email });
		const resetPath = linkIn(await mailTo(email, /Lag nytt passord/), '/reset');
		const tokenId = resetPath.split('/').pop()!.split('.')[0];
		const { error } = await serviceClient()
			.from('email_tokens')
			.update({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.eq('id', tokenId);
		expect(error).toBeNull();
		expect(await (await new Client(app.url).get(resetPath)).text()).toContain('Lenkja er ikkje gyldig lenger');
		const res = await new Client(app.url).post(resetPath, {
			password: 'eit heilt nytt passord',
			password_confirm: 'eit heilt nytt passord'
		});
		expect(res.status).toBe(400);
	});

	it('refuses a verification link used twice, and one with a wrong secret', async () => {
		const email = newAddress();
		const client = new Client(app.url, uniqueIp());
		await register(client, email);
		const verifyPath = linkIn(await mailTo(email, /Stadfest/), '/verify');
		expect((await client.post(verifyPath)).status).toBe(303);
		const twice = await client.post(verifyPath);
		expect(twice.status).toBe(400);
		const [id] = verifyPath.split('/').pop()!.split('.');
		expect(await (await client.get(`/verify/${id}.${'b'.repeat(24)}`)).text()).toContain('Lenkja er ikkje gyldig lenger');
	});
});

describe('staff invitations', () => {
	it('lets an admin invite staff, who set a password from the link and can then log in', async () => {
		const admin = new Client(app.url, uniqueIp());
		await admin.login('admin@fjordvik.kommune.no');
		const email = newAddress();
		const res = await admin.post('/staff/admin/users?/invite', { display_name: 'Nina Ny', email, locale: 'en' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`Invitasjonen er sendt til ${email}`);

		const mail = await mailTo(email, /invited to busett/);
		expect(mail.text).toContain('Solveig Admin');
		const invitePath = linkIn(mail, '/invite');
		const invitee = new Client(app.url, uniqueIp());
		expect(location(await invitee.post(invitePath, { password: 'tilsett sitt passord', password_confirm: 'tilsett sitt passord' }))).toBe(
			'/login?reset'
		);
		expect(location(await invitee.login(email, 'tilsett sitt passord'))).toBe('/staff');
		expect((await invitee.get('/staff')).status).toBe(200);
		expect((await invitee.get('/staff/admin/users')).status).toBe(403);
	});
});

describe('account page', () => {
	it('saves the language preference, which the person’s mails then follow', async () => {
		const email = newAddress();
		const client = new Client(app.url, uniqueIp());
		await register(client, email, 'volunteer');
		await client.login(email, PASSWORD);
		expect(location(await client.post('/account?/locale', { locale: 'en' }))).toBe('/account?language');
		await client.post('/account?/resend');
		const mails = await mailTo(email, /Confirm your e-mail address/);
		expect(mails.text).toContain('Hello Kari Utleigar,');
	});

	it('changes the e-mail address only once the new address is confirmed', async () => {
		const oldAddress = newAddress();
		const newOne = newAddress();
		const client = new Client(app.url, uniqueIp());
		await register(client, oldAddress);
		await client.login(oldAddress, PASSWORD);
		const res = await client.post('/account?/email', { email: newOne, current_password: PASSWORD });
		expect(await res.text()).toContain('Vi har sendt ei lenkje til den nye adressa');
		const { data: before } = await serviceClient().from('users').select('email').eq('email', oldAddress).single();
		expect(before!.email).toBe(oldAddress);

		const confirm = linkIn(await mailTo(newOne, /Stadfest den nye e-postadressa/), '/verify');
		expect(location(await client.post(confirm))).toBe('/account?verified');
		const { count } = await serviceClient().from('users').select('*', { count: 'exact', head: true }).eq('email', newOne);
		expect(count).toBe(1);
		expect(location(await new Client(app.url, uniqueIp()).login(newOne, PASSWORD))).toBe('/landlord');
	});

	it('logs out of all devices', async () => {
		const a = new Client(app.url, uniqueIp());
		const b = new Client(app.url, uniqueIp());
		const email = newAddress();
		await register(a, email);
		await a.login(email, PASSWORD);
		await b.login(email, PASSWORD);
		expect(location(await a.post('/account?/logoutEverywhere'))).toBe('/login?loggedout');
		expect(location(await b.get('/account'))).toMatch(/^\/login/);
	});

	it('deletes a landlord’s own account after the password is given', async () => {
		const email = newAddress();
		const client = new Client(app.url, uniqueIp());
		await register(client, email);
		await client.login(email, PASSWORD);
		const wrong = await client.post('/account?/delete', { current_password: 'ikkje passordet' });
		expect(await wrong.text()).toContain('Passordet er feil.');
		expect(location(await client.post('/account?/delete', { current_password: PASSWORD }))).toBe('/?deleted');
		const { count } = await serviceClient().from('users').select('*', { count: 'exact', head: true }).eq('email', email);
		expect(count).toBe(0);
	});
});

describe('security headers', () => {
	it('sends a CSP that forbids framing, and the other headers', async () => {
		const res = await new Client(app.url).get('/login');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("script-src 'self'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('keeps SvelteKit’s CSRF origin check on', async () => {
		const res = await fetch(`${app.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'frivillig@example.no', password: 'busett-demo-2026' }),
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': uniqueIp() },
			redirect: 'manual'
		});
		expect(res.status).toBe(403);
	});
});
