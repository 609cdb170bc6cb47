// The fixed choices of the forms, without zod: the pages import these, so the browser does
// not download the whole schema library just for a list of options. The schemas use them too.
// A choice that is a database enum is the generated list (Constants, a small object: the
// types around it weigh nothing in the browser); only lists the database does not hold
// as an enum are written here. src/lib/enums.spec.ts fails on a copy of an enum's list.
import { Constants } from '$lib/database.types';

export const FURNISHED = Constants.public.Enums.furnishing;
/** the choice list for bus departures per weekday */
export const DEPARTURES = [0, 2, 6, 12, 24, 40] as const;

/** the kinds of mail one may choose not to get (every other mail is essential): as
 * public.mail_categories() in SQL (tests/integration/mail-preferences.test.ts) */
export const MAIL_CATEGORIES = ['reminders', 'availability_checks', 'task_invitations', 'newsletters'] as const;

export const CAP_SIZES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const WEIGHT_PARTS = ['school', 'rent', 'bus', 'bedrooms', 'locality', 'language', 'health'] as const;

export const TASK_TYPES = Constants.public.Enums.task_type;

export const SKILLS = [
	'driving_licence',
	'own_car',
	'van_trailer',
	'furniture_assembly',
	'homework_help',
	'children_activities',
	'it_help',
	'cooking',
	'other'
] as const;
export const LEVELS = Constants.public.Enums.language_level;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const PARTS = ['morning', 'afternoon', 'evening'] as const;
export const LANGUAGE_ROWS = 4;
/**
 * The languages to choose from (ISO 639 codes, the codes households, tasks and volunteers
 * store): Norway's, and those most spoken by the people settled here — from Ukraine, Syria,
 * Afghanistan (Dari, Pashto), Eritrea and Ethiopia (Tigrinya, Amharic, Oromo), Somalia,
 * Iraq, Iran and Turkey (the Kurdish languages), Myanmar, Congo and Rwanda, the Balkans.
 * Their names, in each page's language, are in $lib/languages.ts. A code stored before it
 * was on the list stays a choice for the record that has it.
 */
export const LANGUAGES = [
	'nb',
	'nn',
	'se',
	'en',
	'uk',
	'ru',
	'ar',
	'fa',
	'prs',
	'ps',
	'ti',
	'am',
	'om',
	'so',
	'ku',
	'ckb',
	'kmr',
	'tr',
	'ur',
	'sw',
	'fr',
	'es',
	'pt',
	'de',
	'pl',
	'lt',
	'sq',
	'bs',
	'hr',
	'sr',
	'ln',
	'rw',
	'my',
	'vi',
	'th',
	'zh'
] as const;

/** who interprets for a household: a professional interpreter is never a volunteer task */
export const INTERPRETER_NEEDS = Constants.public.Enums.interpreter_need;

/** the sizes a list's page may have, so that a request never reads more than 100 rows */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** the kinds of item in staff's "needs action", as public.needs_action() names them */
export const NEEDS_ACTION_KINDS = [
	'offer_review',
	'offer_changed',
	'proposal_unanswered',
	'proposal_accepted',
	'arrival_without_dwelling',
	'task_short',
	'certificate_expiring',
	'hours_to_approve',
	'mail_failed',
	'lease_ending',
	'deposit_guarantee'
] as const;
export type NeedsActionKind = (typeof NEEDS_ACTION_KINDS)[number];

/** what an inspection checks, in the order of public.inspection_item, and each item's findings */
export const INSPECTION_ITEMS = Constants.public.Enums.inspection_item;
export const INSPECTION_RESULTS = Constants.public.Enums.inspection_result;
/** who stands for a lease's deposit (public.deposit_payer) */
export const DEPOSIT_PAYERS = Constants.public.Enums.deposit_payer;
