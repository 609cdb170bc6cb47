// Names of the states and categories of households, matches and dwellings, in the reader's language.
import { m } from '$lib/paraglide/messages';

export const categoryNames = {
	ukrainian_collective_protection: m.hh_cat_ukrainian_collective_protection,
	resettlement: m.hh_cat_resettlement,
	other: m.hh_cat_other,
	family_reunification: m.hh_cat_family_reunification
};

export const householdStatusNames = {
	expected: m.hstatus_expected,
	matched: m.hstatus_matched,
	contract_signed: m.hstatus_contract_signed,
	settled: m.hstatus_settled,
	cancelled: m.hstatus_cancelled
};

export const matchStatusNames = {
	proposed: m.mstatus_proposed,
	accepted_by_landlord: m.mstatus_accepted_by_landlord,
	confirmed: m.mstatus_confirmed,
	declined: m.mstatus_declined,
	cancelled: m.mstatus_cancelled
};

export const whyNotNames = {
	not_free: m.why_not_free,
	too_small: m.why_too_small,
	not_available_in_time: m.why_not_available_in_time,
	ends_before_arrival: m.why_ends_before_arrival,
	not_step_free: m.why_not_step_free,
	no_pets: m.why_no_pets,
	not_ground_floor: m.why_not_ground_floor,
	floor_unknown: m.why_floor_unknown,
	too_few_departures: m.why_too_few_departures,
	departures_unknown: m.why_departures_unknown,
	no_dwellings: m.why_no_dwellings,
	others_fit_better: m.why_others_fit_better,
	locked_conflict: m.why_locked_conflict
};

/** why one household and one dwelling do not fit (the hard constraints of the pair) */
export const pairViolationNames = {
	too_small: m.pair_too_small,
	not_available_in_time: m.pair_not_available_in_time,
	ends_before_arrival: m.pair_ends_before_arrival,
	not_step_free: m.pair_not_step_free,
	no_pets: m.pair_no_pets,
	not_ground_floor: m.pair_not_ground_floor,
	floor_unknown: m.pair_floor_unknown,
	too_few_departures: m.pair_too_few_departures,
	departures_unknown: m.pair_departures_unknown
};

export const dwellingStatusNames = {
	draft: m.status_draft,
	submitted: m.status_submitted,
	approved: m.status_approved,
	needs_changes: m.status_needs_changes,
	rejected: m.status_rejected,
	proposed: m.status_proposed,
	let: m.status_let,
	withdrawn: m.status_withdrawn
};

export const skillNames = {
	driving_licence: m.skill_driving_licence,
	own_car: m.skill_own_car,
	van_trailer: m.skill_van_trailer,
	furniture_assembly: m.skill_furniture_assembly,
	homework_help: m.skill_homework_help,
	children_activities: m.skill_children_activities,
	it_help: m.skill_it_help,
	cooking: m.skill_cooking,
	other: m.skill_other
};

/** how well a volunteer speaks a language */
export const levelNames = {
	basic: m.level_basic,
	conversational: m.level_conversational,
	fluent: m.level_fluent,
	native: m.level_native
};

export const certificateNames = {
	none: m.cert_none,
	requested: m.cert_requested,
	valid: m.cert_valid,
	expired: m.cert_expired
};

export const taskTypeNames = {
	move_in: m.task_type_move_in,
	furniture: m.task_type_furniture,
	transport: m.task_type_transport,
	guide: m.task_type_guide,
	language_practice: m.task_type_language_practice,
	interpreting: m.task_type_interpreting,
	other: m.task_type_other
};

export const taskStatusNames = {
	open: m.tchg_status_open,
	cancelled: m.tchg_status_cancelled,
	done: m.tchg_status_done
};

// what an inspection checks (public.inspection_item), in the order the form lists them
export const inspectionItemNames = {
	smoke_alarms: m.insp_item_smoke_alarms,
	extinguisher: m.insp_item_extinguisher,
	escape_routes: m.insp_item_escape_routes,
	damp: m.insp_item_damp,
	heating: m.insp_item_heating,
	electrical: m.insp_item_electrical,
	step_free: m.insp_item_step_free,
	furniture: m.insp_item_furniture
};

export const inspectionResultNames = {
	ok: m.insp_result_ok,
	failed: m.insp_result_failed,
	not_applicable: m.insp_result_not_applicable
};

// who stands for a lease's deposit (public.deposit_payer)
export const depositPayerNames = {
	household: m.lease_payer_household,
	municipality_guarantee: m.lease_payer_municipality_guarantee,
	nav_guarantee: m.lease_payer_nav_guarantee,
	municipality_paid: m.lease_payer_municipality_paid,
	none: m.lease_payer_none
};
