import { z } from 'zod';
import { displayName, email, locale } from './fields';

export const inviteSchema = z.object({ display_name: displayName, email, locale });
