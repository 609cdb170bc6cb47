import { db } from './client';

export async function profile(userId: string) {
	const { data, error } = await db()
		.from('volunteer_profiles')
		.select('*, volunteer_languages(language, level, interpreting)')
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(`reading a profile: ${error.message}`);
	return data;
}

export async function save(userId: string, input: { profile: Record<string, unknown>; languages: Record<string, unknown>[] }) {
	const { error } = await db().rpc('save_volunteer_profile', {
		p_user: userId,
		p_profile: input.profile as never,
		p_languages: input.languages as never
	});
	if (error) throw new Error(`saving a profile: ${error.message}`);
}
