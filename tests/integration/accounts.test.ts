import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { Client, location } from '../helpers/http';
import { until } from '../helpers/mail';
import { linkIn, mailTo, mailsTo, outboxSettled } from '../helpers/mailbox';
import { seedId } from '../helpers/seed';
import { DEMO_HASH, task } from '../helpers/tasks';

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
		// opened in another browser: verified, and logged in there by nothing but the password
		// (the registering browser's own case is in registration-login.test.ts)
		const verified = await new Client(app.url, uniqueIp()).post(verifyPath);
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

	it('refuses a common password, next to the field, and stores nothing', async () => {
		const client = new Client(app.url, uniqueIp());
		const email = newAddress();
		const common = await client.post('/register', { role: 'volunteer', display_name: 'Ola', email, password: 'Passord123' });
		expect(common.status).toBe(400);
		expect(await common.text()).toContain('Dette passordet er for vanleg');
		const { count } = await serviceClient().from('users').select('*', { count: 'exact', head: true }).eq('email', email);
		expect(count).toBe(0);
	});

	it('answers "check your mail" for an address that has an account, mails its owner and creates nothing', async () => {
		const email = newAddress();
		await register(new Client(app.url, uniqueIp()), email);
		const { data: before } = await serviceClient().from('users').select('id, display_name, password_hash').eq('email', email).single();

		const stranger = new Client(app.url, uniqueIp());
		const again = await stranger.post('/register', {
			role: 'volunteer',
			display_name: 'Ein Annan',
			email: email.toUpperCase(),
			password: 'eit anna langt passord'
		});
		expect(again.status).toBe(200);
		const html = await again.text();
		expect(html).toContain('Sjekk e-posten din');
		expect(html).not.toContain('Det finst alt ein konto');

		const notice = await mailTo(email, /Nokon prøvde å bruke e-postadressa di/);
		expect(notice.text).toContain('Hei Kari Utleigar,');
		expect(notice.text).toMatch(/\/login/);
		// nothing created or changed: the same one account, its name, password and roles
		const { data: after } = await serviceClient()
			.from('users')
			.select('id, display_name, password_hash, user_roles(role)')
			.ilike('email', email);
		expect(after).toHaveLength(1);
		expect(after![0]).toMatchObject({ id: before!.id, display_name: before!.display_name, password_hash: before!.password_hash });
		expect(after![0].user_roles).toEqual([{ role: 'landlord' }]);
		const { count } = await serviceClient().from('email_tokens').select('*', { count: 'exact', head: true }).eq('user_id', before!.id);
		expect(count).toBe(1); // the first registration's verification link only
	});

	it('refuses a display name on more than one line, next to the field', async () => {
		const client = new Client(app.url, uniqueIp());
		const email = newAddress();
		const res = await client.post('/register', { role: 'volunteer', display_name: 'Ola\nBcc: alle@example.no', email, password: PASSWORD });
		expect(res.status).toBe(400);
		expect(await res.text()).toMatch(/id="display_name-error"[^>]*>Skriv dette på éi linje/);
		const { count } = await serviceClient().from('users').select('*', { count: 'exact', head: true }).eq('email', email);
		expect(count).toBe(0);
	});

	it('keeps names on one line in the database too', async () => {
		const { error } = await serviceClient().from('users').insert({ email: newAddress(), display_name: 'Ola\u202Enamdron' });
		expect(error?.code).toBe('23514');
	});
});

describe('rate limits', () => {
	it('refuses the 11th login from an address after 10 wrong passwords there, even with the right one', async () => {
		const email = newAddress();
		await register(new Client(app.url, uniqueIp()), email);
		const ip = uniqueIp();
		for (let i = 1; i <= 10; i++) {
			const res = await new Client(app.url, ip).login(email, `feil passord nr ${i}`);
			expect(res.status, `attempt ${i}`).toBe(400);
			expect(await res.text()).toContain('Feil e-postadresse eller passord.');
		}
		const eleventh = await new Client(app.url, ip).login(email, PASSWORD);
		expect(eleventh.status).toBe(429);
		expect(await eleventh.text()).toContain('For mange forsøk');
	});

	it('lets the owner log in from their own address while another address is locked out of the account', async () => {
		const email = newAddress();
		const owner = new Client(app.url, uniqueIp());
		await register(owner, email);
		const attacker = uniqueIp();
		for (let i = 1; i <= 15; i++) await new Client(app.url, attacker).login(email, `gjetting nummer ${i}`);
		expect((await new Client(app.url, attacker).login(email, PASSWORD)).status).toBe(429);
		const res = await owner.login(email, PASSWORD);
		expect(res.status).toBe(303);
		expect(location(res)).toBe('/landlord');
	});

	it('counts failures per address across accounts', async () => {
		const ip = uniqueIp();
		for (let i = 0; i < 20; i++) await new Client(app.url, ip).login(newAddress(), 'feil passord heilt');
		const res = await new Client(app.url, ip).login('frivillig@example.no');
		expect(res.status).toBe(429);
		// the same account from elsewhere is fine
		expect((await new Client(app.url, uniqueIp()).login('frivillig@example.no')).status).toBe(303);
	});

	it('slows, never blocks, an account that fails from many addresses, and mails the owner once', async () => {
		const email = newAddress();
		const owner = new Client(app.url, uniqueIp());
		await register(owner, email);
		// the owner has logged in from home before
		expect((await owner.login(email, PASSWORD)).status).toBe(303);
		for (let i = 1; i <= 21; i++) expect((await new Client(app.url, uniqueIp()).login(email, `spreidd gjetting ${i}`)).status).toBe(400);
		await mailTo(email, /Mange mislukka innloggingar/);

		// a new address waits before its password is checked, and is still let in with the right one
		let started = performance.now();
		const elsewhere = await new Client(app.url, uniqueIp()).login(email, PASSWORD);
		const slowed = performance.now() - started;
		expect(elsewhere.status).toBe(303);
		expect(slowed).toBeGreaterThanOrEqual(1000);
		// the owner's own address is not slowed at all
		started = performance.now();
		expect((await new Client(app.url, owner.ip).login(email, PASSWORD)).status).toBe(303);
		expect(performance.now() - started).toBeLessThan(slowed);

		for (let i = 1; i <= 3; i++) await new Client(app.url, uniqueIp()).login(email, `meir gjetting ${i}`);
		await outboxSettled(email);
		expect((await mailsTo(email)).filter((mail) => /Mange mislukka innloggingar/.test(mail.subject))).toHaveLength(1);
	});
});

describe('redirectTo after logging in', () => {
	const hostile = [
		'//evil.example',
		'/\\evil.example',
		'/%09/evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'\r\nSet-Cookie:x',
		'%0d%0aSet-Cookie:x',
		'https://evil.example',
		'javascript:alert(1)',
		'/.//evil.example',
		'\\\\evil.example'
	];

	it('goes to a page of this site, and to the role’s home for any target that would leave it, never a 500', async () => {
		for (const target of hostile) {
			const client = new Client(app.url, uniqueIp());
			const res = await client.post(`/login?redirectTo=${encodeURIComponent(target)}`, {
				email: 'frivillig@example.no',
				password: 'busett-demo-2026',
				redirectTo: target
			});
			expect(res.status, JSON.stringify(target)).toBe(303);
			const to = location(res)!;
			expect(new URL(to, app.url).origin, JSON.stringify(target)).toBe(app.url);
			expect(to, JSON.stringify(target)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
		}
		const kept = await new Client(app.url, uniqueIp()).post('/login', {
			email: 'frivillig@example.no',
			password: 'busett-demo-2026',
			redirectTo: '/account?language'
		});
		expect(location(kept)).toBe('/account?language');
	});

	it('never puts a hostile target into the login form', async () => {
		for (const target of hostile) {
			const res = await new Client(app.url).get(`/login?redirectTo=${encodeURIComponent(target)}`);
			expect(res.status).toBe(200);
			const field = (await res.text()).match(/<input[^>]*name="redirectTo"[^>]*>/)![0];
			const value = field.match(/value="([^"]*)"/)?.[1] ?? '';
			expect(value, JSON.stringify(target)).toMatch(/^(|\/(?![/\\])[\x21-\x7e]*)$/);
			// at most a harmless path of this site ("/%09/evil.example" stays a path here)
			expect(new URL(value, app.url).origin).toBe(app.url);
		}
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
		// nothing queued for it, so nothing to wait for
		expect(await outboxSettled(email)).toEqual([]);
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

describe('reset requests', () => {
	const askFor = (email: string, ip: string) => new Client(app.url, ip).post('/reset', { email });
	const resetMails = async (email: string) => (await mailsTo(email)).filter((mail) => /Lag nytt passord/.test(mail.subject));

	it('answers a requester over their limit the same as everyone, and sends them no more links', async () => {
		const email = newAddress();
		await register(new Client(app.url, uniqueIp()), email);
		const ip = uniqueIp();
		for (let i = 1; i <= 5; i++) {
			const res = await askFor(email, ip);
			expect(res.status, `request ${i}`).toBe(200);
			expect(await res.text()).toContain('Viss det finst ein konto med denne adressa');
		}
		await mailTo(email, /Lag nytt passord/);
		await outboxSettled(email);
		expect(await resetMails(email)).toHaveLength(3);
	});

	it('sends an owner at most 3 links a day that strangers ask for, but still the owner’s own', async () => {
		const email = newAddress();
		const owner = new Client(app.url, uniqueIp());
		await register(owner, email);
		expect((await owner.login(email, PASSWORD)).status).toBe(303);
		for (let i = 0; i < 6; i++) expect((await askFor(email, uniqueIp())).status).toBe(200);
		await mailTo(email, /Lag nytt passord/);
		await outboxSettled(email);
		expect(await resetMails(email)).toHaveLength(3);

		// from the address the owner logs in from, the request still goes through
		expect((await askFor(email, owner.ip)).status).toBe(200);
		await until('a fourth reset mail', async () => (await resetMails(email)).length === 4 || undefined);
	});
});

describe('a new password or address', () => {
	async function account() {
		const email = newAddress();
		const here = new Client(app.url, uniqueIp());
		await register(here, email);
		expect((await here.login(email, PASSWORD)).status).toBe(303);
		const elsewhere = new Client(app.url, uniqueIp());
		expect((await elsewhere.login(email, PASSWORD)).status).toBe(303);
		return { email, here, elsewhere };
	}
	const openLinks = async (email: string) => {
		const { data } = await serviceClient().from('users').select('email_tokens(purpose, used_at)').eq('email', email).single();
		return data!.email_tokens.filter((t) => t.used_at === null && t.purpose !== 'verify_email').map((t) => t.purpose);
	};

	it('on the account page ends every other session and open link, and tells the owner', async () => {
		const { email, here, elsewhere } = await account();
		await new Client(app.url, uniqueIp()).post('/reset', { email });
		await here.post('/account?/email', { email: newAddress(), current_password: PASSWORD });
		expect((await openLinks(email)).sort()).toEqual(['email_change', 'password_reset']);

		const res = await here.post('/account?/password', {
			current_password: PASSWORD,
			password: 'eit nytt og langt passord',
			password_confirm: 'eit nytt og langt passord'
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Passordet er endra');
		expect((await here.get('/account')).status).toBe(200);
		expect(location(await elsewhere.get('/account'))).toMatch(/^\/login/);
		expect(await openLinks(email)).toEqual([]);
		const mail = await mailTo(email, /Passordet ditt i busett er endra/);
		expect(mail.text).toMatch(/\/reset\b/);
	});

	it('from a reset link ends every session and open link, and tells the owner', async () => {
		const { email, here } = await account();
		await here.post('/account?/email', { email: newAddress(), current_password: PASSWORD });
		await new Client(app.url, uniqueIp()).post('/reset', { email });
		const resetPath = linkIn(await mailTo(email, /Lag nytt passord/), '/reset');
		const set = await new Client(app.url, uniqueIp()).post(resetPath, {
			password: 'eit heilt nytt passord',
			password_confirm: 'eit heilt nytt passord'
		});
		expect(location(set)).toBe('/login?reset');
		expect(location(await here.get('/account'))).toMatch(/^\/login/);
		expect(await openLinks(email)).toEqual([]);
		await mailTo(email, /Passordet ditt i busett er endra/);
	});

	it('ends every other session and open link when the address changes, and tells the old address', async () => {
		const { email, here, elsewhere } = await account();
		const next = newAddress();
		await new Client(app.url, uniqueIp()).post('/reset', { email });
		await here.post('/account?/email', { email: next, current_password: PASSWORD });
		const confirm = linkIn(await mailTo(next, /Stadfest den nye e-postadressa/), '/verify');
		expect(location(await here.post(confirm))).toBe('/account?verified');

		expect((await here.get('/account')).status).toBe(200);
		expect(location(await elsewhere.get('/account'))).toMatch(/^\/login/);
		expect(await openLinks(next)).toEqual([]);
		const told = await mailTo(email, /E-postadressa di i busett er bytt/);
		expect(told.text).toContain(next);
		expect(told.text).toContain('Ta kontakt med flyktningtenesta');
	});

	it('answers a move to an address that has an account the same way, and mails that address’s owner instead', async () => {
		const { email, here } = await account();
		const res = await here.post('/account?/email', { email: 'FRIVILLIG02@example.no', current_password: PASSWORD });
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Vi har sendt ei lenkje til den nye adressa');
		expect(html).not.toContain('Det finst alt ein konto');
		expect(await openLinks(email)).toEqual([]);
		await mailTo('frivillig02@example.no', /Nokon prøvde å bruke e-postadressa di/);
	});
});

describe('password rules', () => {
	it('refuses a weak password on registration, reset and the account page, next to the field', async () => {
		const email = newAddress();
		const registration = await new Client(app.url, uniqueIp()).post('/register', {
			role: 'volunteer',
			display_name: 'Kari Utleigar',
			email,
			password: 'kariutleigar-2026'
		});
		expect(registration.status).toBe(400);
		expect(await registration.text()).toMatch(/id="password-error"[^>]*>Passordet kan ikkje innehalde e-postadressa eller namnet ditt/);

		const owner = new Client(app.url, uniqueIp());
		await register(owner, email);
		await owner.login(email, PASSWORD);
		const onAccount = await owner.post('/account?/password', {
			current_password: PASSWORD,
			password: 'busett-demo-2026',
			password_confirm: 'busett-demo-2026'
		});
		expect(onAccount.status).toBe(400);
		expect(await onAccount.text()).toMatch(/id="password-password-error"[^>]*>Dette passordet er for vanleg/);

		await new Client(app.url, uniqueIp()).post('/reset', { email });
		const resetPath = linkIn(await mailTo(email, /Lag nytt passord/), '/reset');
		const local = email.split('@')[0];
		const onReset = await new Client(app.url, uniqueIp()).post(resetPath, { password: `${local}!!`, password_confirm: `${local}!!` });
		expect(onReset.status).toBe(400);
		expect(await onReset.text()).toMatch(/id="password-error"[^>]*>Passordet kan ikkje innehalde/);
		// the link was not used up by the refusal
		const good = await new Client(app.url, uniqueIp()).post(resetPath, {
			password: 'ei god setning å hugse',
			password_confirm: 'ei god setning å hugse'
		});
		expect(location(good)).toBe('/login?reset');

		expect(location(await new Client(app.url, uniqueIp()).login(email, 'ei god setning å hugse'))).toBe('/landlord');
	});
});

describe('staff invitations', () => {
	it('lets an admin invite staff, who set a password from the link and can then log in', async () => {
		const admin = new Client(app.url, uniqueIp());
		await admin.login('admin@fjordvik.kommune.no');
		const email = newAddress();
		const res = await admin.post('/staff/admin/users?/invite', { display_name: 'Nina Ny', email, locale: 'en', role: 'staff' });
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

	it('invites an admin when the admin chooses that role, staff otherwise, and never another role', async () => {
		const admin = new Client(app.url, uniqueIp());
		await admin.login('admin@fjordvik.kommune.no');
		const rolesOf = async (email: string) =>
			(await serviceClient().from('users').select('user_roles(role)').eq('email', email).single()).data!.user_roles.map((r) => r.role);
		const email = newAddress();
		expect((await admin.post('/staff/admin/users?/invite', { display_name: 'Ada Admin', email, locale: 'nn', role: 'admin' })).status).toBe(
			200
		);
		expect(await rolesOf(email)).toEqual(['admin']);
		// the page ticks staff; a post without a role invites the lesser one
		const plain = newAddress();
		expect((await admin.post('/staff/admin/users?/invite', { display_name: 'Utan Rolle', email: plain, locale: 'nn' })).status).toBe(200);
		expect(await rolesOf(plain)).toEqual(['staff']);
		// a crafted post cannot make a landlord or a volunteer by this door
		const crafted = newAddress();
		const refused = await admin.post('/staff/admin/users?/invite', { display_name: 'Lur', email: crafted, locale: 'nn', role: 'landlord' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toMatch(/id="role-error"/);
		const { count } = await serviceClient().from('users').select('*', { count: 'exact', head: true }).eq('email', crafted);
		expect(count).toBe(0);
	});
});

describe('a member of staff who leaves', () => {
	/** a member of staff who can log in with the demo password */
	async function staffMember(name: string) {
		const email = newAddress();
		const { data, error } = await serviceClient()
			.from('users')
			.insert({ email, display_name: name, password_hash: DEMO_HASH, email_verified_at: new Date().toISOString() })
			.select('id')
			.single();
		if (error) throw error;
		await serviceClient().from('user_roles').insert({ user_id: data.id, role: 'staff' });
		return { id: data.id, email };
	}

	it('is deactivated by an admin: their sessions end at once, they cannot log in, and their name stays on what they did', async () => {
		const name = `Tor Sluttar ${randomUUID().slice(0, 6)}`;
		const leaving = await staffMember(name);
		const laptop = new Client(app.url, uniqueIp());
		const phone = new Client(app.url, uniqueIp());
		for (const c of [laptop, phone]) expect(location(await c.login(leaving.email))).toBe('/staff');
		// what they did: read a volunteer's profile (the audit log), made a task
		expect((await laptop.get(`/staff/volunteers/${seedId('user:volunteer:2')}`)).status).toBe(200);
		const taskId = await task({ created_by: leaving.id });

		const admin = new Client(app.url, uniqueIp());
		await admin.login('admin@fjordvik.kommune.no');
		const done = await admin.post('/staff/admin/users?/deactivate', { user_id: leaving.id });
		expect(location(done)).toBe(`/staff/admin/users?deactivated=${leaving.id}`);
		const list = await (await admin.get(location(done)!)).text();
		expect(list).toContain(`${name} er deaktivert og logga ut.`);
		expect(list).toMatch(/deaktivert \d/);

		// both sessions are gone, at once
		const { count } = await serviceClient().from('sessions').select('*', { count: 'exact', head: true }).eq('user_id', leaving.id);
		expect(count).toBe(0);
		for (const c of [laptop, phone]) expect(location(await c.get('/staff'))).toMatch(/^\/login/);
		// the right password no longer logs in, a reset sends nothing, and no session can be made
		expect((await new Client(app.url, uniqueIp()).login(leaving.email)).status).toBe(400);
		expect((await new Client(app.url, uniqueIp()).post('/reset', { email: leaving.email })).status).toBe(200);
		expect(await outboxSettled(leaving.email)).toEqual([]);
		const { error: refused } = await serviceClient()
			.from('sessions')
			.insert({
				id: `x${randomUUID().replaceAll('-', '')}`,
				user_id: leaving.id,
				secret_hash: '\\x' + '00'.repeat(32),
				expires_at: new Date(Date.now() + 3600_000).toISOString()
			});
		expect(refused?.hint).toBe('deactivated');

		// their name stays: the audit log names them, the task is still theirs
		const audit = await (await admin.get(`/staff/admin/audit?actor=${leaving.id}`)).text();
		expect(audit).toContain(`>${name}</a>`);
		const { data: t } = await serviceClient()
			.from('tasks')
			.select('creator:users!tasks_created_by_fkey(display_name)')
			.eq('id', taskId)
			.single();
		expect(t!.creator?.display_name).toBe(name);
		// a second time changes nothing
		expect(location(await admin.post('/staff/admin/users?/deactivate', { user_id: leaving.id }))).toBe(
			`/staff/admin/users?deactivated=${leaving.id}`
		);
	});

	it('is never the admin themselves, nor someone who is not staff', async () => {
		const admin = new Client(app.url, uniqueIp());
		await admin.login('admin@fjordvik.kommune.no');
		const self = await admin.post('/staff/admin/users?/deactivate', { user_id: seedId('user:admin') });
		expect(self.status).toBe(409);
		expect(await self.text()).toContain('Du kan ikkje deaktivere din eigen konto.');
		const volunteer = await admin.post('/staff/admin/users?/deactivate', { user_id: seedId('user:volunteer:2') });
		expect(volunteer.status).toBe(409);
		expect((await new Client(app.url, uniqueIp()).login('admin@fjordvik.kommune.no')).status).toBe(303);
		const { data } = await serviceClient().from('users').select('deactivated_at').eq('id', seedId('user:volunteer:2')).single();
		expect(data!.deactivated_at).toBeNull();
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
		// the page it lands on says it is done; the front page otherwise does not
		expect(await (await client.get('/?deleted')).text()).toContain('Kontoen din er sletta, og personopplysningane dine er fjerna.');
		expect(await (await client.get('/')).text()).not.toContain('Kontoen din er sletta');
	});
});

describe('the “confirm your address” banner', () => {
	const BANNERS = [
		{ role: 'volunteer', page: '/volunteer', text: 'Stadfest e-postadressa di før du melder deg på.' },
		{ role: 'landlord', page: '/landlord/dwellings/new', text: 'Stadfest e-postadressa di før du sender inn eit tilbod.' }
	];

	for (const banner of BANNERS)
		it(`sends the link again from ${banner.page}, without JavaScript, and comes back there`, async () => {
			const email = newAddress();
			const client = new Client(app.url, uniqueIp());
			await register(client, email, banner.role);
			await client.login(email, PASSWORD);
			await mailTo(email, /Stadfest e-postadressa/);

			const html = await (await client.get(banner.page)).text();
			expect(html).toContain(banner.text);
			// a plain form right in the banner, naming the page to come back to
			expect(html).toMatch(/<form method="POST" action="\/account\?\/resend">/);
			expect(html).toContain(`name="back" value="${banner.page}"`);

			expect(location(await client.post('/account?/resend', { back: banner.page }))).toBe(`${banner.page}?resent`);
			const mails = await until('a second verification mail', async () => {
				const all = (await mailsTo(email)).filter((mail) => /Stadfest e-postadressa/.test(mail.subject));
				return all.length >= 2 ? all : undefined;
			});
			expect(mails).toHaveLength(2);
			// the new link verifies the address
			const verifyPath = linkIn(mails.at(-1)!, '/verify');
			expect(location(await client.post(verifyPath))).toMatch(/verified/);

			const after = await (await client.get(`${banner.page}?resent`)).text();
			expect(after).not.toContain(banner.text);
		});

	it('sends the link again at most five times an hour, and still comes back', async () => {
		const email = newAddress();
		const client = new Client(app.url, uniqueIp());
		await register(client, email, 'volunteer');
		await client.login(email, PASSWORD);
		for (let i = 0; i < 8; i++) expect(location(await client.post('/account?/resend', { back: '/volunteer' }))).toBe('/volunteer?resent');
		const handled = await outboxSettled(email);
		// the registration's own mail, and five more
		expect(handled.filter((n) => n.template === 'verify_email')).toHaveLength(6);
	});

	it('says it was sent on the page it came back to, and never goes back off the site', async () => {
		const email = newAddress();
		const client = new Client(app.url, uniqueIp());
		await register(client, email, 'volunteer');
		await client.login(email, PASSWORD);
		expect(await (await client.get('/volunteer?resent')).text()).toContain('Vi har sendt ei ny lenkje.');
		for (const back of ['//evil.example/volunteer', 'https://evil.example', '/volunteer?x=1'])
			expect((await client.post('/account?/resend', { back })).status).toBe(200);
	});
});

describe('a person who is both landlord and volunteer', () => {
	it('gets a link from each area to the other, and one-role people get none', async () => {
		const both = new Client(app.url, uniqueIp());
		// the seed's first landlord also volunteers
		await both.login('utleigar@example.no');
		const landlordPage = await (await both.get('/landlord')).text();
		expect(landlordPage).toMatch(/<nav class="area-nav"[^>]*><a href="\/volunteer">Du er òg frivillig: til oppdraga dine<\/a><\/nav>/);
		const volunteerPage = await (await both.get('/volunteer/profile')).text();
		expect(volunteerPage).toMatch(/<nav class="area-nav"[^>]*><a href="\/landlord">Du er òg utleigar: til bustadene dine<\/a><\/nav>/);

		const volunteer = new Client(app.url, uniqueIp());
		await volunteer.login('frivillig@example.no');
		expect(await (await volunteer.get('/volunteer')).text()).not.toContain('area-nav');
		const landlord = new Client(app.url, uniqueIp());
		await landlord.login('utleigar02@example.no');
		expect(await (await landlord.get('/landlord')).text()).not.toContain('area-nav');
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
