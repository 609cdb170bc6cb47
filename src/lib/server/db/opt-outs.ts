import { db } from './client';

/** stop mail of a category to an address (one-click unsubscribe); idempotent */
export async function add(email: string, category: string): Promise<void> {
	const { error } = await db().rpc('opt_out_of_mail', { p_email: email, p_category: category });
	if (error) throw new Error(`recording an unsubscribe: ${error.message}`);
}
