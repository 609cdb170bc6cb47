// What the staff's map shows, and the table that is its alternative (and the page without
// JavaScript): dwellings with a point, by status; the stops with departures; the districts
// with their free places. Addresses and public transport only, no household data.
import { z } from 'zod';
import { Constants, type Database } from '$lib/database.types';
import { rangeOf } from '$lib/schemas/list';
import { db } from './client';
import { shape } from './shape';

export type Status = Database['public']['Enums']['dwelling_status'];
/** the statuses the map shows unless one is chosen: every offer that is live */
export const LIVE: Status[] = ['submitted', 'needs_changes', 'approved', 'proposed', 'let'];
export const STATUSES = Constants.public.Enums.dwelling_status;
/** the table lists the busiest stops; the map draws them all */
export const STOPS_IN_TABLE = 50;

const dwelling = z.object({
	id: z.string(),
	street: z.string(),
	place: z.string(),
	locality: z.string(),
	status: z.enum(STATUSES),
	lat: z.number(),
	lon: z.number(),
	district: z.string().nullable(),
	stop: z.string().nullable(),
	walk_m: z.number().nullable(),
	departures: z.number().nullable()
});
const stop = z.object({ id: z.string(), name: z.string(), lat: z.number(), lon: z.number(), departures: z.number() });
const district = z.object({
	id: z.string(),
	name: z.string(),
	primary_school_places: z.number(),
	lower_secondary_places: z.number(),
	kindergarten_places: z.number(),
	boundary: z.unknown().nullable()
});
const mapShape = z.object({
	dwellings: z.array(dwelling),
	placed: z.number(),
	unplaced: z.number(),
	stops: z.array(stop),
	stop_count: z.number(),
	districts: z.array(district)
});
export type MapData = z.output<typeof mapShape>;

type Read = { stops: number | null; boundaries: boolean; ids?: string[]; page?: { page: number; size: number } };

async function read(statuses: Status[], { stops, boundaries, ids, page }: Read): Promise<MapData> {
	const range = page ? rangeOf(page) : null;
	const { data, error } = await db().rpc('map_data', {
		p_statuses: statuses,
		p_stops: stops as number,
		p_boundaries: boundaries,
		...(ids ? { p_dwellings: ids } : {}),
		...(range ? { p_offset: range.from, p_limit: range.to - range.from + 1 } : {})
	});
	if (error) throw new Error(`reading the map: ${error.message}`);
	return shape('map_data', mapShape, data);
}

/** the statuses a status filter stands for: the one chosen, or every live one */
export const statusesFor = (status: Status | undefined): Status[] => (status ? [status] : LIVE);

/** the table: one page of the dwellings, the busiest stops, no polygons */
export const table = (statuses: Status[], page: { page: number; size: number }) =>
	read(statuses, { stops: STOPS_IN_TABLE, boundaries: false, page });

type Feature = { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> };
const point = (lat: number, lon: number) => ({ type: 'Point', coordinates: [lon, lat] });
const collection = (features: Feature[]) => ({ type: 'FeatureCollection' as const, features });

/** the map's layers as GeoJSON: every stop, every boundary; the dwellings of the statuses, or those named */
export async function layers(statuses: Status[], ids?: string[]) {
	const d = await read(statuses, { stops: null, boundaries: true, ids });
	return {
		dwellings: collection(
			d.dwellings.map((x) => ({
				type: 'Feature',
				geometry: point(x.lat, x.lon),
				properties: { id: x.id, street: x.street, place: x.place, status: x.status }
			}))
		),
		stops: collection(
			d.stops.map((s) => ({ type: 'Feature', geometry: point(s.lat, s.lon), properties: { name: s.name, departures: s.departures } }))
		),
		districts: collection(
			d.districts
				.filter((x) => x.boundary !== null)
				.map((x) => ({
					type: 'Feature',
					geometry: x.boundary,
					properties: { name: x.name, free: x.primary_school_places + x.lower_secondary_places + x.kindergarten_places }
				}))
		)
	};
}
