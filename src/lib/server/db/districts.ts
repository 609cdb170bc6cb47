import type { Database } from '$lib/database.types';
import { db } from './client';

export type District = Database['public']['Tables']['districts']['Row'];
export async function list(): Promise<District[]> {
	const { data, error } = await db().from('districts').select('*').order('name');
	if (error) throw new Error(`listing districts: ${error.message}`);
	return data;
}

export async function setPlaces(
	id: string,
	places: { primary_school_places: number; lower_secondary_places: number; kindergarten_places: number }
) {
	const { error } = await db()
		.from('districts')
		.update({ ...places, updated_at: new Date().toISOString() })
		.eq('id', id);
	if (error) throw new Error(`saving places: ${error.message}`);
}
