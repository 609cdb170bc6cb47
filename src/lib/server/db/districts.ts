import { db } from './client';

export type DistrictOption = { id: string; name: string };

export async function options(): Promise<DistrictOption[]> {
	const { data, error } = await db().from('districts').select('id, name').order('name');
	if (error) throw new Error(`listing districts: ${error.message}`);
	return data;
}
