// What the integration tests know about the stack they run against (set by npm test,
// or by the integration project's global setup when run alone).
export function stackEnv() {
	const need = (name: string) => {
		const value = process.env[name];
		if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\``);
		return value;
	};
	return {
		supabaseUrl: need('SUPABASE_URL'),
		serviceRoleKey: need('SUPABASE_SERVICE_ROLE_KEY'),
		anonKey: need('SUPABASE_ANON_KEY'),
		smtpUrl: need('SMTP_URL'),
		mailboxUrl: need('MAILBOX_URL'),
		databaseUrl: need('DATABASE_URL'),
		appSecret: need('APP_SECRET'),
		postgrestDbUri: need('POSTGREST_DB_URI'),
		postgrestJwtSecret: need('POSTGREST_JWT_SECRET')
	};
}
