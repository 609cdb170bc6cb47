import { db } from './client';

/** stop mail of a category to an address (one-click unsubscribe); idempotent */
export async function add(email: string, category: string): Promise<void> {
	const { error } = await db().rpc('opt_out_of_mail', { p_email: email, p_category: category });
	if (error) throw new Error(`recording an unsubscribe: ${error.message}`);
}

/** mail of a category to an address again (subscribe again); idempotent */
export async function remove(email: string, category: string): Promise<void> {
	const { error } = await db().rpc('opt_in_to_mail', { p_email: email, p_category: category });
	if (error) throw new Error(`recording a subscribe again: ${error.message}`);
}

/** the categories an address opted out of */
export async function of(email: string): Promise<string[]> {
	const { data, error } = await db().from('mail_opt_outs').select('category').eq('email', email.toLowerCase());
	if (error) throw new Error(`reading opt-outs: ${error.message}`);
	return data.map((row) => row.category);
}

/** the account page's choices: of the categories shown, the person opts out of exactly `optedOut` */
export async function choose(userId: string, shown: readonly string[], optedOut: readonly string[]): Promise<void> {
	const { error } = await db().rpc('set_mail_preferences', { p_user: userId, p_shown: [...shown], p_opted_out: [...optedOut] });
	if (error) throw new Error(`saving mail preferences: ${error.message}`);
}
