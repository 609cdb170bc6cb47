import { z } from 'zod';
import { wholeNumber } from './fields';

// months after settlement before a household's record is anonymised
export const retentionSchema = z.object({
	retention_months: wholeNumber(1, 240)
});
