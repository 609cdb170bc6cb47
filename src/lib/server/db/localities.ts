// Localities: the free-text places offers and tasks name, and which of them staff marked as
// near a health centre (public.localities), for the matching's health part.
import { z } from 'zod';
import { db } from './client';
import { shape } from './shape';

const listShape = z.array(z.object({ name: z.string(), near_health_centre: z.boolean() }));
export type Locality = z.output<typeof listShape>[number];

/** every locality an offer names, and those already marked, by name */
export async function list(): Promise<Locality[]> {
	const { data, error } = await db().rpc('locality_list');
	if (error) throw new Error(`listing localities: ${error.message}`);
	return shape('locality_list', listShape, data);
}

/** of the localities shown, those in `near` are near a health centre and the others not */
export async function setNearHealthCentre(shown: string[], near: string[]) {
	const { error } = await db().rpc('set_localities_near_health_centre', { p_shown: shown, p_near: near });
	if (error) throw new Error(`saving localities: ${error.message}`);
}
