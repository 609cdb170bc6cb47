// The rows behind the CSV reports: counted in SQL (settled_by_month, volunteer_hours_by_month)
// or read from the report views, which leave out names, phone numbers and notes.
import { z } from 'zod';
import { db } from './client';
import { shape } from './shape';

export async function settledByMonth(year: number) {
	const { data, error } = await db().rpc('settled_by_month', { p_year: year });
	if (error) throw new Error(`counting settled persons: ${error.message}`);
	return data;
}

export async function volunteerHours(year: number) {
	const { data, error } = await db().rpc('volunteer_hours_by_month', { p_year: year });
	if (error) throw new Error(`counting volunteer hours: ${error.message}`);
	return data;
}

/** every household, without personal details; the read of each is written to the audit log */
export async function households(readerId: string) {
	const { data, error } = await db()
		.from('household_report')
		.select(
			'id, imdi_reference, category, status, persons, adults, children, elderly, expected_arrival, settled_on, locality, district_name'
		)
		.order('imdi_reference');
	if (error) throw new Error(`listing households for a report: ${error.message}`);
	if (data.length) {
		const { error: audit } = await db()
			.from('audit_log')
			.insert(data.map((h) => ({ actor_id: readerId, action: 'read', entity: 'household', entity_id: h.id! })));
		if (audit) throw new Error(`logging a report's reads: ${audit.message}`);
	}
	return data;
}

/** every offered dwelling (drafts left out), landlords not named */
export async function dwellings() {
	const { data, error } = await db()
		.from('dwelling_report')
		.select(
			'status, street, postcode, place, locality, district_name, bedrooms, beds, max_occupants, rent_nok, deposit_nok, available_from, available_until, step_free, pets_allowed, furnished, municipal, over_rent_cap, stale'
		)
		.order('locality')
		.order('street');
	if (error) throw new Error(`listing dwellings for a report: ${error.message}`);
	return data;
}

const locality = z.object({
	locality: z.string(),
	offered: z.number().int(),
	offered_far: z.number().int(),
	places_far: z.number().int(),
	settled: z.number().int(),
	settled_far: z.number().int(),
	persons_far: z.number().int(),
	unknown: z.number().int()
});
const transportShape = z.object({
	feed: z.object({ file_name: z.string(), service_date: z.string() }).nullable(),
	localities: z.array(locality)
});
export type TransportReport = z.output<typeof transportShape> & { total: Omit<z.output<typeof locality>, 'locality'> };

/**
 * The transport authority's report, counted in SQL: per locality the dwellings offered and
 * settled more than a 1,000 m walk from a stop with at least 20 weekday departures, and the
 * persons affected; with the totals and the feed the figures come from. Counts only.
 */
export async function transport(): Promise<TransportReport> {
	const { data, error } = await db().rpc('transport_report');
	if (error) throw new Error(`counting the transport report: ${error.message}`);
	const report = shape('transport_report', transportShape, data);
	const keys = ['offered', 'offered_far', 'places_far', 'settled', 'settled_far', 'persons_far', 'unknown'] as const;
	const total = Object.fromEntries(keys.map((k) => [k, report.localities.reduce((n, l) => n + l[k], 0)])) as TransportReport['total'];
	return { ...report, total };
}
