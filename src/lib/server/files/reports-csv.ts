// The CSV reports staff download from /staff/reports: headers in the reader's language,
// one builder per file. The rows come from db/reports.ts (counted in SQL).
import { categoryNames, dwellingStatusNames, householdStatusNames, taskTypeNames } from '$lib/labels';
import { Constants } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import * as reports from '$lib/server/db/reports';
import { toCsv, type Cell } from './csv';

const CATEGORIES = Constants.public.Enums.household_category;
const COUNTED = CATEGORIES.filter((c) => c !== 'family_reunification');
const booleans = () => ({ yes: m.report_yes(), no: m.report_no() });
const month = (year: number, n: number) => `${year}-${String(n).padStart(2, '0')}`;

/** per month: persons and households per category, the persons counted toward the target, then family reunification */
export async function settledCsv(year: number): Promise<string> {
	const rows = await reports.settledByMonth(year);
	const order = [...COUNTED, 'family_reunification'] as const;
	const header = [
		m.report_col_month(),
		...COUNTED.flatMap((c) => [
			m.report_col_persons_in({ category: categoryNames[c]() }),
			m.report_col_households_in({ category: categoryNames[c]() })
		]),
		m.report_col_counted(),
		m.report_col_persons_in({ category: categoryNames.family_reunification() }),
		m.report_col_households_in({ category: categoryNames.family_reunification() })
	];
	const line = (label: string, pick: (r: (typeof rows)[number]) => boolean): Cell[] => {
		const sum = (c: string, key: 'persons' | 'households') =>
			rows.filter((r) => pick(r) && r.category === c).reduce((n, r) => n + r[key], 0);
		const cells = order.map((c) => [sum(c, 'persons'), sum(c, 'households')]);
		const counted = COUNTED.reduce((n, c) => n + sum(c, 'persons'), 0);
		return [label, ...cells.slice(0, COUNTED.length).flat(), counted, ...cells[COUNTED.length]];
	};
	const body = Array.from({ length: 12 }, (_, i) => line(month(year, i + 1), (r) => r.month === i + 1));
	return toCsv(header, [...body, line(m.report_col_total(), () => true)]);
}

/** every household as it stands, without names, phone numbers or notes */
export async function householdsCsv(readerId: string): Promise<string> {
	const rows = await reports.households(readerId);
	return toCsv(
		[
			m.report_col_imdi(),
			m.report_col_category(),
			m.report_col_status(),
			m.report_col_persons(),
			m.report_col_adults(),
			m.report_col_children(),
			m.report_col_elderly(),
			m.report_col_expected_arrival(),
			m.report_col_settled_on(),
			m.report_col_locality(),
			m.report_col_district()
		],
		rows.map((h) => [
			h.imdi_reference,
			h.category ? categoryNames[h.category]() : '',
			h.status ? householdStatusNames[h.status]() : '',
			h.persons,
			h.adults,
			h.children,
			h.elderly,
			h.expected_arrival,
			h.settled_on,
			h.locality,
			h.district_name
		])
	);
}

const furnished = { no: m.report_furnished_no, partly: m.report_furnished_partly, fully: m.report_furnished_fully };

/** every dwelling sent in, landlords not named */
export async function dwellingsCsv(): Promise<string> {
	const rows = await reports.dwellings();
	return toCsv(
		[
			m.report_col_status(),
			m.report_col_street(),
			m.report_col_postcode(),
			m.report_col_place(),
			m.report_col_locality(),
			m.report_col_district(),
			m.report_col_bedrooms(),
			m.report_col_beds(),
			m.report_col_max_occupants(),
			m.report_col_rent(),
			m.report_col_deposit(),
			m.report_col_available_from(),
			m.report_col_available_until(),
			m.report_col_step_free(),
			m.report_col_pets(),
			m.report_col_furnished(),
			m.report_col_municipal(),
			m.report_col_over_cap(),
			m.report_col_stale()
		],
		rows.map((d) => [
			d.status ? dwellingStatusNames[d.status]() : '',
			d.street,
			d.postcode,
			d.place,
			d.locality,
			d.district_name,
			d.bedrooms,
			d.beds,
			d.max_occupants,
			d.rent_nok,
			d.deposit_nok,
			d.available_from,
			d.available_until,
			d.step_free,
			d.pets_allowed,
			d.furnished ? furnished[d.furnished]() : '',
			d.municipal,
			d.over_rent_cap,
			d.stale
		]),
		booleans()
	);
}

/** hours per month and task type, no names; a last line with the totals */
export async function volunteerHoursCsv(year: number): Promise<string> {
	const rows = await reports.volunteerHours(year);
	const total = (key: 'tasks' | 'hours_reported' | 'hours_approved') => rows.reduce((n, r) => n + Number(r[key]), 0);
	return toCsv(
		[
			m.report_col_month(),
			m.report_col_task_type(),
			m.report_col_tasks(),
			m.report_col_volunteers(),
			m.report_col_hours_reported(),
			m.report_col_hours_approved()
		],
		[
			...rows.map((r) => [
				month(year, r.month),
				taskTypeNames[r.task_type](),
				r.tasks,
				r.volunteers,
				Number(r.hours_reported),
				Number(r.hours_approved)
			]),
			[m.report_col_total(), '', total('tasks'), null, total('hours_reported'), total('hours_approved')]
		]
	);
}

/** per locality the dwellings far from a frequent bus and the persons affected; a last line with the totals */
export async function transportCsv(): Promise<string> {
	const { localities, total } = await reports.transport();
	const line = (name: string, l: typeof total): Cell[] => [
		name,
		l.offered,
		l.offered_far,
		l.places_far,
		l.settled,
		l.settled_far,
		l.persons_far,
		l.unknown
	];
	return toCsv(
		[
			m.report_col_locality(),
			m.transport_col_offered(),
			m.transport_col_offered_far(),
			m.transport_col_places_far(),
			m.transport_col_settled(),
			m.transport_col_settled_far(),
			m.transport_col_persons_far(),
			m.transport_col_unknown()
		],
		[...localities.map((l) => line(l.locality || m.transport_no_locality(), l)), line(m.report_col_total(), total)]
	);
}
