// Proposals and confirmations; the rules (one open proposal per dwelling and per household,
// only approved dwellings) are the database's.
import type { Reason, Violation } from '$lib/server/matching';
import { db } from './client';

export class AlreadyProposedError extends Error {}
export class NotAvailableError extends Error {}
/** the landlord declined this household for this dwelling; staff must reopen the pair first */
export class DeclinedPairError extends Error {}

/** the household and the dwelling no longer fit (the database re-checks the hard constraints on confirming) */
export class NoLongerFitsError extends Error {
	readonly broken: PairViolation[];
	constructor(message: string, broken: PairViolation[]) {
		super(message);
		this.broken = broken;
	}
}

export type PairViolation = Exclude<Violation, 'not_free'>;

export async function propose(input: { householdId: string; dwellingId: string; staffId: string; score: number; reasons: Reason[] }) {
	const { data, error } = await db().rpc('propose_match', {
		p_household: input.householdId,
		p_dwelling: input.dwellingId,
		p_staff: input.staffId,
		p_score: input.score,
		p_reasons: input.reasons
	});
	if (error?.code === '23505') throw new AlreadyProposedError(error.message);
	if (error?.hint === 'pair_declined') throw new DeclinedPairError(error.message);
	if (error?.hint === 'dwelling_not_available' || error?.hint === 'household_not_expected' || error?.hint === 'invalid_transition')
		throw new NotAvailableError(error.message);
	if (error) throw new Error(`proposing: ${error.message}`);
	return data;
}

export async function confirm(matchId: string, staffId: string): Promise<boolean> {
	const { data, error } = await db().rpc('confirm_match', { p_match: matchId, p_staff: staffId });
	if (error?.hint === 'pair_infeasible')
		throw new NoLongerFitsError(error.message, (error.details ?? '').split(',').filter(Boolean) as PairViolation[]);
	if (error) throw new Error(`confirming: ${error.message}`);
	return data;
}

/** the hard constraints the household and the dwelling break as they stand now (match_violations, as confirming checks) */
export async function violations(householdId: string, dwellingId: string): Promise<PairViolation[]> {
	const { data, error } = await db().rpc('match_violations', { p_household: householdId, p_dwelling: dwellingId });
	if (error) throw new Error(`checking a pair: ${error.message}`);
	return (data ?? []) as PairViolation[];
}

/** staff reopen a pair the landlord declined: it may be suggested and proposed again (false: not a declined match) */
export async function reopen(householdId: string, matchId: string, staffId: string): Promise<boolean> {
	const { data, error } = await db().rpc('reopen_declined_pair', { p_household: householdId, p_match: matchId, p_staff: staffId });
	if (error) throw new Error(`reopening a declined pair: ${error.message}`);
	return data;
}

export async function cancel(matchId: string): Promise<boolean> {
	const { data, error } = await db().rpc('cancel_match', { p_match: matchId });
	if (error) throw new Error(`cancelling: ${error.message}`);
	return data;
}

/** the usual move-in tasks for a confirmed match (once; returns how many were created) */
export async function createMoveInTasks(matchId: string, staffId: string): Promise<number> {
	const { data, error } = await db().rpc('create_move_in_tasks', { p_match: matchId, p_staff: staffId });
	if (error) throw new Error(`creating move-in tasks: ${error.message}`);
	return data;
}
