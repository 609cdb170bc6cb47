// npm run create-admin -- person@kommune.no ["Full Name"]
// Creates the first administrator (also staff), with a generated password printed once.
// Against SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY when set, else the local stack of
// `npm start` (which must be running).
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { createClient } from '@supabase/supabase-js';
import { apiKey } from './stack/jwt.ts';
import { LOCAL_JWT_SECRET, portsFrom } from './stack/index.ts';

const [email, name = 'Administrator'] = process.argv.slice(2);
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
	console.error('usage: npm run create-admin -- person@kommune.no ["Full Name"]');
	process.exit(1);
}

const url = process.env.SUPABASE_URL ?? `http://127.0.0.1:${portsFrom(process.env).api}`;
const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? apiKey('service_role', LOCAL_JWT_SECRET);
const db = createClient(url, key, { auth: { persistSession: false } });

const password = randomBytes(12).toString('base64url');
// the same argon2id settings as src/lib/server/auth/password.ts
const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

const { data: user, error } = await db
	.from('users')
	.insert({ email: email.toLowerCase(), display_name: name, password_hash: passwordHash, email_verified_at: new Date().toISOString() })
	.select('id')
	.single();
if (error) {
	console.error(`busett: could not create ${email}: ${error.code === '23505' ? 'the address is taken' : error.message}`);
	process.exit(1);
}
const { error: roleError } = await db.from('user_roles').insert([
	{ user_id: user.id, role: 'admin' },
	{ user_id: user.id, role: 'staff' }
]);
if (roleError) {
	console.error(`busett: could not give ${email} the admin role: ${roleError.message}`);
	process.exit(1);
}
console.log(`busett: administrator ${email} created.`);
console.log(`busett: password (shown once; change it under /account): ${password}`);
