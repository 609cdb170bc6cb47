import { z } from 'zod';
import { DEPOSIT_PAYERS } from './choices';
import { chosen, day, optionalDay, wholeNumber } from './fields';

export { DEPOSIT_PAYERS };
const GUARANTEES: readonly string[] = ['municipality_guarantee', 'nav_guarantee'];

// staff record the lease of a confirmed match: the terms as signed (the page warns where they
// differ from the offer or pass the rent cap), who pays the deposit, and the move-in day
export const leaseSchema = z
	.object({
		starts_on: day,
		// blank: open-ended
		ends_on: optionalDay,
		rent_nok: wholeNumber(0, 100000),
		deposit_nok: wholeNumber(0, 500000, 0),
		deposit_payer: chosen(DEPOSIT_PAYERS),
		guarantee_until: optionalDay,
		move_in_on: day
	})
	.superRefine((v, ctx) => {
		if (v.ends_on && v.ends_on <= v.starts_on) ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'error_lease_end' });
		if (v.move_in_on < v.starts_on || (v.ends_on && v.move_in_on > v.ends_on))
			ctx.addIssue({ code: 'custom', path: ['move_in_on'], message: 'error_lease_move_in' });
		if (v.guarantee_until && !GUARANTEES.includes(v.deposit_payer ?? ''))
			ctx.addIssue({ code: 'custom', path: ['guarantee_until'], message: 'error_lease_guarantee' });
	});

export type Lease = z.output<typeof leaseSchema>;
