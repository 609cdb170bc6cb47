// The name of each kind of item in staff's "needs action", on the page and in the morning digest
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { NeedsActionKind } from '$lib/schemas/choices';

const names: Record<NeedsActionKind, (inputs: Record<string, never>, options?: { locale?: Locale }) => string> = {
	offer_review: m.na_offer_review,
	offer_changed: m.na_offer_changed,
	proposal_unanswered: m.na_proposal_unanswered,
	proposal_accepted: m.na_proposal_accepted,
	arrival_without_dwelling: m.na_arrival_without_dwelling,
	task_short: m.na_task_short,
	certificate_expiring: m.na_certificate_expiring,
	hours_to_approve: m.na_hours_to_approve,
	mail_failed: m.na_mail_failed,
	lease_ending: m.na_lease_ending,
	deposit_guarantee: m.na_deposit_guarantee
};

/** the kind's name, in the page's language or the one given (a mail's recipient's) */
export const needsActionKindName = (kind: NeedsActionKind, locale?: Locale): string => names[kind]({}, locale ? { locale } : {});
